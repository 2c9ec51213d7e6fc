using System.Buffers.Binary;
using System.Runtime.CompilerServices;

using static Faithcoin.Consensus.Scripting.Secp256k1.LimbArithmetic;

namespace Faithcoin.Consensus.Scripting.Secp256k1;

/// <summary>
/// An integer modulo the group order n of secp256k1, as four 64-bit limbs (least significant first), always fully
/// reduced. Only what ECDSA verification needs: multiplication, inversion, and the bits for the wNAF recoding.
/// Variable time (public data only).
/// </summary>
internal readonly struct Scalar256
{
    // n = FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFE BAAEDCE6 AF48A03B BFD25E8C D0364141
    private const ulong N0 = 0xBFD25E8CD0364141UL;
    private const ulong N1 = 0xBAAEDCE6AF48A03BUL;
    private const ulong N2 = 0xFFFFFFFFFFFFFFFEUL;
    private const ulong N3 = 0xFFFFFFFFFFFFFFFFUL;

    // 2^256 − n, so 2^256 ≡ NC (mod n); it is 129 bits long: NC2 is 1.
    private const ulong NC0 = 0x402DA1732FC9BEBFUL;
    private const ulong NC1 = 0x4551231950B75FC4UL;

    public readonly ulong L0;
    public readonly ulong L1;
    public readonly ulong L2;
    public readonly ulong L3;

    private Scalar256(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    public bool IsZero => (L0 | L1 | L2 | L3) == 0;

    /// <summary>A value below 2^256 taken as is (for the short halves of an endomorphism split, which are not reduced).</summary>
    public static Scalar256 FromLimbs(ulong l0, ulong l1, ulong l2, ulong l3) => new(l0, l1, l2, l3);

    /// <summary>Reads 32 big-endian bytes as an integer; <paramref name="overflow"/> tells whether it was ≥ n.</summary>
    public static Scalar256 FromBigEndian(ReadOnlySpan<byte> bigEndian32, out bool overflow)
    {
        var l0 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[24..]);
        var l1 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[16..]);
        var l2 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[8..]);
        var l3 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32);
        overflow = !LessThanN(l0, l1, l2, l3);
        if (overflow)
        {
            // A 256-bit value is below 2n, so one subtraction reduces it.
            SubtractN(ref l0, ref l1, ref l2, ref l3);
        }

        return new Scalar256(l0, l1, l2, l3);
    }

    /// <summary>The value as a field element (for comparing r with an x coordinate); n &lt; p, so it is one.</summary>
    public FieldElement ToFieldElement() => new(L0, L1, L2, L3);

    /// <summary>r + n as a field element when that is still below p (the only other x whose residue mod n is r).</summary>
    public bool TryAddOrderBelowP(out FieldElement sum)
    {
        var s0 = L0 + N0;
        var carry = Bit(s0 < N0);
        var s1 = AddWithCarry(L1, N1, ref carry);
        var s2 = AddWithCarry(L2, N2, ref carry);
        var s3 = AddWithCarry(L3, N3, ref carry);
        sum = new FieldElement(s0, s1, s2, s3);
        return carry == 0 && !sum.IsAtLeastP();
    }

    public int GetBit(int index) => (int)((Limb(index >> 6) >> (index & 63)) & 1);

    public ulong Limb(int index) => index switch
    {
        0 => L0,
        1 => L1,
        2 => L2,
        _ => L3,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Scalar256 Multiply(in Scalar256 a, in Scalar256 b)
    {
        Span<ulong> t = stackalloc ulong[8];
        for (var i = 0; i < 4; i++)
        {
            ulong carry = 0;
            var ai = a.Limb(i);
            for (var j = 0; j < 4; j++)
            {
                carry = MulAdd(ai, b.Limb(j), t[i + j], carry, out t[i + j]);
            }

            t[i + 4] = carry;
        }

        return Reduce(t);
    }

    /// <summary>
    /// 1/a mod n by the binary extended Euclidean algorithm; a must not be zero. Variable time, which is fine for
    /// public values, and several times cheaper than a^(n−2).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Scalar256 Invert(in Scalar256 a)
    {
        ulong u0 = a.L0, u1 = a.L1, u2 = a.L2, u3 = a.L3;
        ulong v0 = N0, v1 = N1, v2 = N2, v3 = N3;
        ulong x0 = 1, x1 = 0, x2 = 0, x3 = 0;
        ulong y0 = 0, y1 = 0, y2 = 0, y3 = 0;

        // Invariants: x·a ≡ u and y·a ≡ v (mod n); gcd(u, v) = 1 throughout.
        while (!IsOne(u0, u1, u2, u3) && !IsOne(v0, v1, v2, v3))
        {
            while ((u0 & 1) == 0)
            {
                ShiftRight(ref u0, ref u1, ref u2, ref u3, 0);
                HalveModN(ref x0, ref x1, ref x2, ref x3);
            }

            while ((v0 & 1) == 0)
            {
                ShiftRight(ref v0, ref v1, ref v2, ref v3, 0);
                HalveModN(ref y0, ref y1, ref y2, ref y3);
            }

            if (!IsLess(u0, u1, u2, u3, v0, v1, v2, v3))
            {
                SubtractInPlace(ref u0, ref u1, ref u2, ref u3, v0, v1, v2, v3);
                SubtractModN(ref x0, ref x1, ref x2, ref x3, y0, y1, y2, y3);
            }
            else
            {
                SubtractInPlace(ref v0, ref v1, ref v2, ref v3, u0, u1, u2, u3);
                SubtractModN(ref y0, ref y1, ref y2, ref y3, x0, x1, x2, x3);
            }
        }

        return IsOne(u0, u1, u2, u3) ? new Scalar256(x0, x1, x2, x3) : new Scalar256(y0, y1, y2, y3);
    }

    private static bool IsOne(ulong l0, ulong l1, ulong l2, ulong l3) => l0 == 1 && (l1 | l2 | l3) == 0;

    private static bool IsLess(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3)
    {
        if (a3 != b3)
        {
            return a3 < b3;
        }

        if (a2 != b2)
        {
            return a2 < b2;
        }

        return a1 != b1 ? a1 < b1 : a0 < b0;
    }

    private static void ShiftRight(ref ulong l0, ref ulong l1, ref ulong l2, ref ulong l3, ulong topBit)
    {
        l0 = (l0 >> 1) | (l1 << 63);
        l1 = (l1 >> 1) | (l2 << 63);
        l2 = (l2 >> 1) | (l3 << 63);
        l3 = (l3 >> 1) | (topBit << 63);
    }

    /// <summary>x/2 mod n: an odd x becomes (x + n)/2, whose 257th bit comes back in at the top.</summary>
    private static void HalveModN(ref ulong l0, ref ulong l1, ref ulong l2, ref ulong l3)
    {
        ulong carry = 0;
        if ((l0 & 1) != 0)
        {
            l0 += N0;
            carry = Bit(l0 < N0);
            l1 = AddWithCarry(l1, N1, ref carry);
            l2 = AddWithCarry(l2, N2, ref carry);
            l3 = AddWithCarry(l3, N3, ref carry);
        }

        ShiftRight(ref l0, ref l1, ref l2, ref l3, carry);
    }

    private static void SubtractInPlace(ref ulong a0, ref ulong a1, ref ulong a2, ref ulong a3, ulong b0, ulong b1, ulong b2, ulong b3)
    {
        var borrow = Bit(a0 < b0);
        a0 -= b0;
        a1 = SubWithBorrow(a1, b1, ref borrow);
        a2 = SubWithBorrow(a2, b2, ref borrow);
        a3 = SubWithBorrow(a3, b3, ref borrow);
    }

    /// <summary>a − b mod n for a, b below n.</summary>
    private static void SubtractModN(ref ulong a0, ref ulong a1, ref ulong a2, ref ulong a3, ulong b0, ulong b1, ulong b2, ulong b3)
    {
        var borrow = Bit(a0 < b0);
        a0 -= b0;
        a1 = SubWithBorrow(a1, b1, ref borrow);
        a2 = SubWithBorrow(a2, b2, ref borrow);
        a3 = SubWithBorrow(a3, b3, ref borrow);
        if (borrow != 0)
        {
            a0 += N0;
            var carry = Bit(a0 < N0);
            a1 = AddWithCarry(a1, N1, ref carry);
            a2 = AddWithCarry(a2, N2, ref carry);
            a3 = AddWithCarry(a3, N3, ref carry);
        }
    }

    /// <summary>Reduces a 512-bit product: high · 2^256 ≡ high · NC, folded until it fits, then at most one n off.</summary>
    private static Scalar256 Reduce(Span<ulong> t)
    {
        // Limbs above index 3 that are still set; each fold shrinks them by about 127 bits.
        var length = 8;
        Span<ulong> high = stackalloc ulong[4];
        while (length > 4)
        {
            while (length > 4 && t[length - 1] == 0)
            {
                length--;
            }

            if (length == 4)
            {
                break;
            }

            var highCount = length - 4;
            for (var i = 0; i < highCount; i++)
            {
                high[i] = t[4 + i];
                t[4 + i] = 0;
            }

            // t[0..] += high * NC, where NC = NC0 + NC1·2^64 + 2^128.
            for (var i = 0; i < highCount; i++)
            {
                ulong carry = 0;
                carry = MulAdd(high[i], NC0, t[i], carry, out t[i]);
                carry = MulAdd(high[i], NC1, t[i + 1], carry, out t[i + 1]);
                var sum = t[i + 2] + high[i];
                var c = sum < high[i] ? 1UL : 0UL;
                sum += carry;
                c += Bit(sum < carry);
                t[i + 2] = sum;
                for (var k = i + 3; c != 0 && k < 8; k++)
                {
                    t[k] += c;
                    c = t[k] < c ? 1UL : 0UL;
                }
            }

            length = 8;
        }

        ulong l0 = t[0], l1 = t[1], l2 = t[2], l3 = t[3];
        if (!LessThanN(l0, l1, l2, l3))
        {
            SubtractN(ref l0, ref l1, ref l2, ref l3);
        }

        return new Scalar256(l0, l1, l2, l3);
    }

    private static bool LessThanN(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        if (l3 != N3)
        {
            return l3 < N3;
        }

        if (l2 != N2)
        {
            return l2 < N2;
        }

        if (l1 != N1)
        {
            return l1 < N1;
        }

        return l0 < N0;
    }

    private static void SubtractN(ref ulong l0, ref ulong l1, ref ulong l2, ref ulong l3)
    {
        var borrow = Bit(l0 < N0);
        l0 -= N0;
        l1 = SubWithBorrow(l1, N1, ref borrow);
        l2 = SubWithBorrow(l2, N2, ref borrow);
        l3 = SubWithBorrow(l3, N3, ref borrow);
    }
}
