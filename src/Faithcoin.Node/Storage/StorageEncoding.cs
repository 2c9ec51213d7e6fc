using System.Buffers;
using System.Buffers.Binary;

namespace Faithcoin.Node.Storage;

/// <summary>
/// Writers for the integer forms every stored record uses. Core's VARINT (base-128, most significant group first,
/// with the "minus one" step) is used for keys too: it has exactly one encoding per value, so equal values make
/// equal keys. It sorts numerically only among values of the same encoded length, as in Core's databases.
/// </summary>
public static class StorageEncoding
{
    public const int MaxVarIntLength = 10;

    public static void WriteVarInt(IBufferWriter<byte> writer, ulong value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var span = writer.GetSpan(MaxVarIntLength);
        writer.Advance(WriteVarInt(span, value));
    }

    /// <summary>Writes into <paramref name="destination"/> (at least <see cref="MaxVarIntLength"/> bytes) and returns the length.</summary>
    public static int WriteVarInt(Span<byte> destination, ulong value)
    {
        Span<byte> reversed = stackalloc byte[MaxVarIntLength];
        var length = 0;
        while (true)
        {
            reversed[length] = (byte)((value & 0x7f) | (length > 0 ? 0x80UL : 0UL));
            if (value <= 0x7f)
            {
                break;
            }

            value = (value >> 7) - 1;
            length++;
        }

        for (var i = 0; i <= length; i++)
        {
            destination[i] = reversed[length - i];
        }

        return length + 1;
    }

    public static void WriteByte(IBufferWriter<byte> writer, byte value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }

    public static void WriteBytes(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }

    public static void WriteUInt32LittleEndian(IBufferWriter<byte> writer, uint value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        BinaryPrimitives.WriteUInt32LittleEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }
}
