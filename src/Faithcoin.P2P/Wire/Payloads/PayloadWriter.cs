using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Faithcoin.P2P.Wire.Payloads;

/// <summary>Writes the little-endian primitives of the wire format into a growing buffer.</summary>
public sealed class PayloadWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new(128);

    public int Length => buffer.WrittenCount;

    public PayloadWriter WriteByte(byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
        return this;
    }

    public PayloadWriter WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public PayloadWriter WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
        return this;
    }

    public PayloadWriter WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
        return this;
    }

    public PayloadWriter WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
        return this;
    }

    public PayloadWriter WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
        return this;
    }

    public PayloadWriter WriteUInt16BigEndian(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(buffer.GetSpan(2), value);
        buffer.Advance(2);
        return this;
    }

    public PayloadWriter WriteBytes(ReadOnlySpan<byte> bytes)
    {
        buffer.Write(bytes);
        return this;
    }

    public PayloadWriter WriteCompactSize(ulong value)
    {
        switch (value)
        {
            case < 253:
                return WriteByte((byte)value);
            case <= ushort.MaxValue:
                WriteByte(253);
                BinaryPrimitives.WriteUInt16LittleEndian(buffer.GetSpan(2), (ushort)value);
                buffer.Advance(2);
                return this;
            case <= uint.MaxValue:
                WriteByte(254);
                return WriteUInt32((uint)value);
            default:
                WriteByte(255);
                return WriteUInt64(value);
        }
    }

    public PayloadWriter WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.Latin1.GetBytes(value);
        WriteCompactSize((ulong)bytes.Length);
        return WriteBytes(bytes);
    }

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();
}
