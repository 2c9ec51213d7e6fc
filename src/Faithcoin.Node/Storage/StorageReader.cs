using System.Buffers.Binary;

namespace Faithcoin.Node.Storage;

/// <summary>
/// Reads a stored record. Every malformed input ends in <see cref="FormatException"/>, which the database turns into
/// a corruption error naming its folder; a reader never allocates from a length it has not checked.
/// </summary>
public ref struct StorageReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _position;

    public StorageReader(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _position = 0;
    }

    public readonly int Remaining => _bytes.Length - _position;

    public ulong ReadVarInt()
    {
        ulong value = 0;
        for (var i = 0; i < StorageEncoding.MaxVarIntLength; i++)
        {
            if (value > ulong.MaxValue >> 7)
            {
                break;
            }

            var b = ReadByte();
            value = (value << 7) | (byte)(b & 0x7f);
            if ((b & 0x80) == 0)
            {
                return value;
            }

            value++;
        }

        throw new FormatException("VARINT too large.");
    }

    public int ReadVarIntAsInt32()
    {
        var value = ReadVarInt();
        return value <= int.MaxValue ? (int)value : throw new FormatException("VARINT out of the 31-bit range.");
    }

    public long ReadVarIntAsInt64()
    {
        var value = ReadVarInt();
        return value <= long.MaxValue ? (long)value : throw new FormatException("VARINT out of the 63-bit range.");
    }

    public byte ReadByte() => Take(1)[0];

    public uint ReadUInt32LittleEndian() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || Remaining < count)
        {
            throw new FormatException("Record truncated.");
        }

        var slice = _bytes.Slice(_position, count);
        _position += count;
        return slice;
    }

    public readonly void EnsureEnd()
    {
        if (Remaining != 0)
        {
            throw new FormatException("Trailing bytes after the record.");
        }
    }
}
