using System.Runtime.CompilerServices;

namespace Faithcoin.Consensus.Scripting.Secp256k1;

/// <summary>
/// Width-w non-adjacent form of a scalar: digits that are zero or odd in (−2^(w−1), 2^(w−1)), at least w−1 zeros
/// after every non-zero digit, so a multiplication needs one addition per w+1 bits on average.
/// </summary>
internal static class WnafEncoder
{
    /// <summary>Enough digits for any value below 2^256 (the last carry may need bit 256).</summary>
    public const int MaxDigits = 257;

    /// <summary>Writes the digits, least significant first; returns how many are used (the highest is non-zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Encode(in Scalar256 value, int width, Span<int> digits)
    {
        digits[..MaxDigits].Clear();
        var carry = 0;
        var bit = 0;
        var used = 0;
        while (bit < MaxDigits)
        {
            if (GetBits(value, bit, 1) == (ulong)carry)
            {
                bit++;
                continue;
            }

            var count = Math.Min(width, MaxDigits - bit);
            var word = (int)GetBits(value, bit, count) + carry;
            carry = (word >> (width - 1)) & 1;
            word -= carry << width;
            digits[bit] = word;
            used = bit + 1;
            bit += count;
        }

        return used;
    }

    private static ulong GetBits(in Scalar256 value, int offset, int count)
    {
        if (offset >= 256)
        {
            return 0;
        }

        var limb = offset >> 6;
        var shift = offset & 63;
        var bits = value.Limb(limb) >> shift;
        if (shift + count > 64 && limb < 3)
        {
            bits |= value.Limb(limb + 1) << (64 - shift);
        }

        return bits & ((1UL << count) - 1);
    }
}
