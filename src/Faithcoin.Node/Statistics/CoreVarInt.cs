namespace Faithcoin.Node.Statistics;

/// <summary>
/// Core's VARINT (serialize.h WriteVarInt), not CompactSize: base-128 digits, most significant first, the high
/// bit marking "more follows", and each continuation digit stored one less so every value has exactly one form.
/// </summary>
public static class CoreVarInt
{
    /// <summary>Enough for any 64-bit value.</summary>
    public const int MaxLength = 10;

    public static int Write(ulong value, Span<byte> destination)
    {
        Span<byte> reversed = stackalloc byte[MaxLength];
        var length = 0;
        while (true)
        {
            reversed[length] = (byte)((value & 0x7f) | (length > 0 ? 0x80u : 0u));
            if (value <= 0x7f)
            {
                break;
            }

            value = (value >> 7) - 1;
            length++;
        }

        var count = length + 1;
        for (var i = 0; i < count; i++)
        {
            destination[i] = reversed[length - i];
        }

        return count;
    }

    public static byte[] Encode(ulong value)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        return buffer[..Write(value, buffer)].ToArray();
    }
}
