using System.Buffers.Binary;
using System.Text;

namespace Faithcoin.P2P.Wire.Payloads;

/// <summary>Reads the little-endian primitives of the wire format; running past the end is a malformed payload.</summary>
public ref struct PayloadReader
{
    private readonly ReadOnlySpan<byte> data;
    private int position;

    public PayloadReader(ReadOnlySpan<byte> data)
    {
        this.data = data;
        position = 0;
    }

    public readonly bool IsEmpty => position >= data.Length;

    public readonly int Remaining => data.Length - position;

    public byte ReadByte() => Take(1)[0];

    public bool ReadBool() => ReadByte() != 0;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public ushort ReadUInt16BigEndian() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    /// <summary>ReadCompactSize, including 0.15's refusal of non-canonical encodings and of sizes over MAX_SIZE.</summary>
    public ulong ReadCompactSize()
    {
        var first = ReadByte();
        ulong value;
        switch (first)
        {
            case < 253:
                return first;
            case 253:
                value = BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
                if (value < 253)
                {
                    throw new MalformedPayloadException("non-canonical ReadCompactSize()");
                }

                break;
            case 254:
                value = BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
                if (value < 0x10000)
                {
                    throw new MalformedPayloadException("non-canonical ReadCompactSize()");
                }

                break;
            default:
                value = BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
                if (value < 0x100000000UL)
                {
                    throw new MalformedPayloadException("non-canonical ReadCompactSize()");
                }

                break;
        }

        if (value > WireLimits.MaxSize)
        {
            throw new MalformedPayloadException("ReadCompactSize(): size too large");
        }

        return value;
    }

    /// <summary>LIMITED_STRING: a length-prefixed string that may not be longer than <paramref name="maxLength"/>.</summary>
    public string ReadLimitedString(int maxLength)
    {
        var length = ReadCompactSize();
        if (length > (ulong)maxLength)
        {
            throw new MalformedPayloadException("String length limit exceeded");
        }

        return Encoding.Latin1.GetString(Take((int)length));
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new MalformedPayloadException("end of data");
        }

        var slice = data.Slice(position, count);
        position += count;
        return slice;
    }
}
