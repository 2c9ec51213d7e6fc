using System.Buffers.Binary;
using NBitcoin;

namespace Faithcoin.Consensus.Coins;

/// <summary>
/// The stored form of undo data: CompactSize transaction count; per transaction a CompactSize coin count; per
/// coin Core's VARINT of (height * 2 + coinbase), the amount as int64 little-endian, and the script with a
/// CompactSize length. Deterministic and self-delimiting; unlike Core's CTxUndo it keeps scripts uncompressed,
/// which avoids decompressing public keys on read.
/// </summary>
public static class BlockUndoSerializer
{
    public static byte[] Serialize(BlockUndo undo)
    {
        ArgumentNullException.ThrowIfNull(undo);
        using var stream = new MemoryStream();
        Span<byte> amount = stackalloc byte[8];
        WriteCompactSize(stream, (ulong)undo.Transactions.Count);
        foreach (var tx in undo.Transactions)
        {
            WriteCompactSize(stream, (ulong)tx.SpentCoins.Count);
            foreach (var coin in tx.SpentCoins)
            {
                WriteVarInt(stream, ((ulong)coin.Height << 1) | (coin.IsCoinbase ? 1UL : 0UL));
                BinaryPrimitives.WriteInt64LittleEndian(amount, coin.Value);
                stream.Write(amount);
                var script = coin.Output.ScriptPubKey.ToBytes(true);
                WriteCompactSize(stream, (ulong)script.Length);
                stream.Write(script);
            }
        }

        return stream.ToArray();
    }

    public static BlockUndo Deserialize(ReadOnlySpan<byte> bytes)
    {
        var position = 0;
        var txCount = ReadCount(bytes, ref position);
        var transactions = new List<TxUndo>(txCount);
        for (var t = 0; t < txCount; t++)
        {
            var coinCount = ReadCount(bytes, ref position);
            var coins = new List<Coin>(coinCount);
            for (var c = 0; c < coinCount; c++)
            {
                var code = ReadVarInt(bytes, ref position);
                if (code >> 1 > int.MaxValue)
                {
                    throw new FormatException("Undo coin height out of range.");
                }

                var amount = BinaryPrimitives.ReadInt64LittleEndian(Take(bytes, ref position, 8));
                var scriptLength = ReadCount(bytes, ref position);
                var script = Script.FromBytesUnsafe(Take(bytes, ref position, scriptLength).ToArray());
                coins.Add(new Coin(new TxOut(Money.Satoshis(amount), script), (int)(code >> 1), (code & 1) == 1));
            }

            transactions.Add(new TxUndo(coins));
        }

        if (position != bytes.Length)
        {
            throw new FormatException("Trailing bytes after undo data.");
        }

        return new BlockUndo(transactions);
    }

    private static void WriteCompactSize(Stream stream, ulong value)
    {
        Span<byte> buffer = stackalloc byte[9];
        int length;
        if (value < 0xfd)
        {
            buffer[0] = (byte)value;
            length = 1;
        }
        else if (value <= ushort.MaxValue)
        {
            buffer[0] = 0xfd;
            BinaryPrimitives.WriteUInt16LittleEndian(buffer[1..], (ushort)value);
            length = 3;
        }
        else if (value <= uint.MaxValue)
        {
            buffer[0] = 0xfe;
            BinaryPrimitives.WriteUInt32LittleEndian(buffer[1..], (uint)value);
            length = 5;
        }
        else
        {
            buffer[0] = 0xff;
            BinaryPrimitives.WriteUInt64LittleEndian(buffer[1..], value);
            length = 9;
        }

        stream.Write(buffer[..length]);
    }

    // Core's VARINT: base-128, most significant group first, with the "minus one" trick so every value has one form.
    private static void WriteVarInt(Stream stream, ulong value)
    {
        Span<byte> buffer = stackalloc byte[10];
        var length = 0;
        while (true)
        {
            buffer[length] = (byte)((value & 0x7f) | (length > 0 ? 0x80UL : 0UL));
            if (value <= 0x7f)
            {
                break;
            }

            value = (value >> 7) - 1;
            length++;
        }

        for (var i = length; i >= 0; i--)
        {
            stream.WriteByte(buffer[i]);
        }
    }

    private static ulong ReadVarInt(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        while (true)
        {
            if (value > ulong.MaxValue >> 7)
            {
                throw new FormatException("VARINT too large.");
            }

            var b = Take(bytes, ref position, 1)[0];
            value = (value << 7) | (byte)(b & 0x7f);
            if ((b & 0x80) == 0)
            {
                return value;
            }

            value++;
        }
    }

    private static int ReadCount(ReadOnlySpan<byte> bytes, ref int position)
    {
        var first = Take(bytes, ref position, 1)[0];
        ulong value = first switch
        {
            < 0xfd => first,
            0xfd => BinaryPrimitives.ReadUInt16LittleEndian(Take(bytes, ref position, 2)),
            0xfe => BinaryPrimitives.ReadUInt32LittleEndian(Take(bytes, ref position, 4)),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(Take(bytes, ref position, 8)),
        };
        if (value > (ulong)(bytes.Length - position))
        {
            // Every counted item takes at least one byte, so a larger count is corrupt and must not allocate.
            throw new FormatException("Undo count exceeds the remaining data.");
        }

        return (int)value;
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> bytes, ref int position, int count)
    {
        if (bytes.Length - position < count)
        {
            throw new FormatException("Undo data truncated.");
        }

        var slice = bytes.Slice(position, count);
        position += count;
        return slice;
    }
}
