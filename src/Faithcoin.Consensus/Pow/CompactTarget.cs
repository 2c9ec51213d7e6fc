using System.Numerics;
using NBitcoin;

namespace Faithcoin.Consensus.Pow;

/// <summary>
/// The "nBits" compact form of a 256-bit target (arith_uint256::SetCompact/GetCompact): a sign bit, a
/// 23-bit mantissa and a byte exponent. Consensus depends on the exact rounding, sign and overflow
/// behaviour, so this mirrors it bit for bit.
/// </summary>
public static class CompactTarget
{
    private static readonly BigInteger Mask256 = (BigInteger.One << 256) - 1;

    public static BigInteger Decode(uint compact, out bool negative, out bool overflow)
    {
        var size = (int)(compact >> 24);
        uint word = compact & 0x007fffff;
        BigInteger value;
        if (size <= 3)
        {
            word >>= 8 * (3 - size);
            value = word;
        }
        else
        {
            // arith_uint256 drops bits shifted past 256; the overflow flag below tells callers it happened.
            value = (new BigInteger(word) << (8 * (size - 3))) & Mask256;
        }

        negative = word != 0 && (compact & 0x00800000) != 0;
        overflow = word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
        return value;
    }

    public static BigInteger Decode(uint compact) => Decode(compact, out _, out _);

    public static uint Encode(BigInteger target, bool negative = false)
    {
        if (target.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(target), "A target is an unsigned number.");
        }

        var size = (int)((target.GetBitLength() + 7) / 8);
        uint compact;
        if (size <= 3)
        {
            compact = (uint)((ulong)target << (8 * (3 - size)));
        }
        else
        {
            compact = (uint)(ulong)(target >> (8 * (size - 3)));
        }

        // The mantissa is signed: if its top bit is set, move to a larger exponent so it reads as positive.
        if ((compact & 0x00800000) != 0)
        {
            compact >>= 8;
            size++;
        }

        compact |= (uint)size << 24;
        if (negative && (compact & 0x007fffff) != 0)
        {
            compact |= 0x00800000;
        }

        return compact;
    }

    public static BigInteger ToBigInteger(uint256 value) =>
        new(value.ToBytes(true), isUnsigned: true, isBigEndian: false);

    public static uint256 ToUInt256(BigInteger value)
    {
        if (value.Sign < 0 || value.GetBitLength() > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "The value does not fit 256 unsigned bits.");
        }

        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return new uint256(bytes);
    }
}
