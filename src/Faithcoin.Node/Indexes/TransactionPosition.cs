using System.Buffers;
using Faithcoin.Node.Storage;
using NBitcoin;

namespace Faithcoin.Node.Indexes;

/// <summary>
/// Where a confirmed transaction is stored, like 0.15's CDiskTxPos: the block's file and the offset of its first byte,
/// and the transaction's offset inside the serialized block. The block hash is kept too, so a look-up can tell
/// whether the block is still on the active chain and whether the file position still holds that block without
/// reading its header.
/// </summary>
public readonly record struct TransactionPosition(uint256 BlockHash, int FileNumber, long BlockOffset, int TransactionOffset)
{
    public byte[] Serialize()
    {
        var writer = new ArrayBufferWriter<byte>(32 + (3 * StorageEncoding.MaxVarIntLength));
        MetaRecords.WriteHash(writer, BlockHash);
        StorageEncoding.WriteVarInt(writer, (ulong)FileNumber);
        StorageEncoding.WriteVarInt(writer, (ulong)BlockOffset);
        StorageEncoding.WriteVarInt(writer, (ulong)TransactionOffset);
        return writer.WrittenSpan.ToArray();
    }

    /// <exception cref="FormatException">The value is not a position written by <see cref="Serialize"/>.</exception>
    public static TransactionPosition Deserialize(ReadOnlySpan<byte> value)
    {
        if (value.Length < 32)
        {
            throw new FormatException("A transaction index value is shorter than a block hash.");
        }

        var reader = new StorageReader(value[32..]);
        var position = new TransactionPosition(
            new uint256(value[..32]),
            reader.ReadVarIntAsInt32(),
            reader.ReadVarIntAsInt64(),
            reader.ReadVarIntAsInt32());
        reader.EnsureEnd();
        return position;
    }
}
