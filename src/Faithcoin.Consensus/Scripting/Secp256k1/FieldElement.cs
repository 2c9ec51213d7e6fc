using System.Buffers.Binary;
using System.Runtime.CompilerServices;

using static Faithcoin.Consensus.Scripting.Secp256k1.LimbArithmetic;

namespace Faithcoin.Consensus.Scripting.Secp256k1;

/// <summary>
/// An element of secp256k1's base field, p = 2^256 − 0x1000003D1, as four 64-bit limbs (least significant first).
/// Results are only weakly reduced (any value below 2^256 that is congruent mod p), which saves a comparison per
/// operation; <see cref="Normalize"/> gives the canonical value where one is compared or encoded.
/// Variable time: it only ever handles public data (signatures, public keys, hashes).
/// </summary>
internal struct FieldElement
{
    /// <summary>2^256 mod p: folding the bits above 2^256 back in costs one multiplication by this.</summary>
    private const ulong C = 0x1000003D1UL;

    public ulong L0;
    public ulong L1;
    public ulong L2;
    public ulong L3;

    public FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    public static FieldElement Zero => default;

    public static FieldElement One => new(1, 0, 0, 0);

    /// <summary>Reads 32 big-endian bytes; false when the value is not below p (not a field element).</summary>
    public static bool TryRead(ReadOnlySpan<byte> bigEndian32, out FieldElement value)
    {
        value = new FieldElement(
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bigEndian32));
        return !value.IsAtLeastP();
    }

    public readonly bool IsAtLeastP()
    {
        // value >= p exactly when value + C carries out of 256 bits.
        var s0 = L0 + C;
        var carry = Bit(s0 < C);
        var s1 = L1 + carry;
        carry = Bit(s1 < carry);
        var s2 = L2 + carry;
        carry = Bit(s2 < carry);
        var s3 = L3 + carry;
        return s3 < carry;
    }

    /// <summary>The canonical representative, below p.</summary>
    public readonly FieldElement Normalize()
    {
        if (!IsAtLeastP())
        {
            return this;
        }

        // Subtracting p is adding C and dropping the 2^256 carry.
        var r0 = L0 + C;
        var carry = Bit(r0 < C);
        var r1 = L1 + carry;
        carry = Bit(r1 < carry);
        var r2 = L2 + carry;
        carry = Bit(r2 < carry);
        return new FieldElement(r0, r1, r2, L3 + carry);
    }

    public readonly bool IsZero()
    {
        var n = Normalize();
        return (n.L0 | n.L1 | n.L2 | n.L3) == 0;
    }

    public readonly bool IsOdd() => (Normalize().L0 & 1) != 0;

    public static bool AreEqual(in FieldElement a, in FieldElement b)
    {
        var x = a.Normalize();
        var y = b.Normalize();
        return x.L0 == y.L0 && x.L1 == y.L1 && x.L2 == y.L2 && x.L3 == y.L3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in FieldElement a, in FieldElement b, out FieldElement r)
    {
        var r0 = a.L0 + b.L0;
        var carry = Bit(r0 < a.L0);
        var r1 = AddWithCarry(a.L1, b.L1, ref carry);
        var r2 = AddWithCarry(a.L2, b.L2, ref carry);
        var r3 = AddWithCarry(a.L3, b.L3, ref carry);
        while (carry != 0)
        {
            // 2^256 ≡ C; a second wrap can only happen once, and leaves a small value.
            r0 += C;
            carry = Bit(r0 < C);
            r1 += carry;
            carry = Bit(r1 < carry);
            r2 += carry;
            carry = Bit(r2 < carry);
            r3 += carry;
            carry = Bit(r3 < carry);
        }

        r = new FieldElement(r0, r1, r2, r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in FieldElement a, in FieldElement b, out FieldElement r)
    {
        var r0 = a.L0 - b.L0;
        var borrow = Bit(a.L0 < b.L0);
        var r1 = SubWithBorrow(a.L1, b.L1, ref borrow);
        var r2 = SubWithBorrow(a.L2, b.L2, ref borrow);
        var r3 = SubWithBorrow(a.L3, b.L3, ref borrow);
        while (borrow != 0)
        {
            // The wrapped result is 2^256 too big, and 2^256 ≡ C: take C off (at most twice).
            var t0 = r0 - C;
            borrow = Bit(r0 < C);
            r0 = t0;
            var t1 = r1 - borrow;
            borrow = Bit(r1 < borrow);
            r1 = t1;
            var t2 = r2 - borrow;
            borrow = Bit(r2 < borrow);
            r2 = t2;
            var t3 = r3 - borrow;
            borrow = Bit(r3 < borrow);
            r3 = t3;
        }

        r = new FieldElement(r0, r1, r2, r3);
    }

    public static void Negate(in FieldElement a, out FieldElement r) => Sub(Zero, a, out r);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Mul(in FieldElement a, in FieldElement b, out FieldElement r)
    {
        // Schoolbook 256x256 -> 512 bits, row by row.
        ulong t1, t2, t3, t4, t5, t6, t7;
        var c = Wide(a.L0, b.L0, out var t0);
        c = MulAdd(a.L0, b.L1, c, 0, out t1);
        c = MulAdd(a.L0, b.L2, c, 0, out t2);
        t4 = MulAdd(a.L0, b.L3, c, 0, out t3);

        c = MulAdd(a.L1, b.L0, t1, 0, out t1);
        c = MulAdd(a.L1, b.L1, t2, c, out t2);
        c = MulAdd(a.L1, b.L2, t3, c, out t3);
        t5 = MulAdd(a.L1, b.L3, t4, c, out t4);

        c = MulAdd(a.L2, b.L0, t2, 0, out t2);
        c = MulAdd(a.L2, b.L1, t3, c, out t3);
        c = MulAdd(a.L2, b.L2, t4, c, out t4);
        t6 = MulAdd(a.L2, b.L3, t5, c, out t5);

        c = MulAdd(a.L3, b.L0, t3, 0, out t3);
        c = MulAdd(a.L3, b.L1, t4, c, out t4);
        c = MulAdd(a.L3, b.L2, t5, c, out t5);
        t7 = MulAdd(a.L3, b.L3, t6, c, out t6);

        Reduce(t0, t1, t2, t3, t4, t5, t6, t7, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sqr(in FieldElement a, out FieldElement r)
    {
        // Off-diagonal products once, doubled, plus the squares on the diagonal.
        ulong t1, t2, t3, t4, t5, t6, t7;
        var c = Wide(a.L0, a.L1, out t1);
        c = MulAdd(a.L0, a.L2, c, 0, out t2);
        t4 = MulAdd(a.L0, a.L3, c, 0, out t3);
        c = MulAdd(a.L1, a.L2, t3, 0, out t3);
        t5 = MulAdd(a.L1, a.L3, t4, c, out t4);
        t6 = MulAdd(a.L2, a.L3, t5, 0, out t5);

        t7 = t6 >> 63;
        t6 = (t6 << 1) | (t5 >> 63);
        t5 = (t5 << 1) | (t4 >> 63);
        t4 = (t4 << 1) | (t3 >> 63);
        t3 = (t3 << 1) | (t2 >> 63);
        t2 = (t2 << 1) | (t1 >> 63);
        t1 <<= 1;

        var h = Wide(a.L0, a.L0, out var t0);
        t1 += h;
        var carry = Bit(t1 < h);
        h = Wide(a.L1, a.L1, out var l);
        t2 = AddWithCarry(t2, l, ref carry);
        t3 = AddWithCarry(t3, h, ref carry);
        h = Wide(a.L2, a.L2, out l);
        t4 = AddWithCarry(t4, l, ref carry);
        t5 = AddWithCarry(t5, h, ref carry);
        h = Wide(a.L3, a.L3, out l);
        t6 = AddWithCarry(t6, l, ref carry);
        t7 = AddWithCarry(t7, h, ref carry);

        Reduce(t0, t1, t2, t3, t4, t5, t6, t7, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MulSmall(in FieldElement a, uint factor, out FieldElement r)
    {
        var c = Wide(a.L0, factor, out var r0);
        c = MulAdd(a.L1, factor, c, 0, out var r1);
        c = MulAdd(a.L2, factor, c, 0, out var r2);
        c = MulAdd(a.L3, factor, c, 0, out var r3);
        Fold(c, ref r0, ref r1, ref r2, ref r3);
        r = new FieldElement(r0, r1, r2, r3);
    }

    /// <summary>a^exponent by a fixed 4-bit window; exponent as four little-endian limbs. For start-up and rare paths.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FieldElement Pow(in FieldElement a, ReadOnlySpan<ulong> exponent)
    {
        Span<FieldElement> table = stackalloc FieldElement[16];
        table[0] = One;
        table[1] = a;
        for (var i = 2; i < 16; i++)
        {
            Mul(table[i - 1], a, out table[i]);
        }

        var result = One;
        for (var limb = 3; limb >= 0; limb--)
        {
            for (var shift = 60; shift >= 0; shift -= 4)
            {
                Sqr(result, out result);
                Sqr(result, out result);
                Sqr(result, out result);
                Sqr(result, out result);
                var nibble = (int)((exponent[limb] >> shift) & 0xF);
                if (nibble != 0)
                {
                    Mul(result, table[nibble], out result);
                }
            }
        }

        return result;
    }

    /// <summary>1/a (a^(p−2)); a must not be zero.</summary>
    public static FieldElement Invert(in FieldElement a) =>
        Pow(a, [0xFFFFFFFEFFFFFC2DUL, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue]);

    /// <summary>A square root of a (a^((p+1)/4), as p ≡ 3 mod 4); false when a is not a square.</summary>
    public static bool TrySqrt(in FieldElement a, out FieldElement root)
    {
        root = Pow(a, [0xFFFFFFFFBFFFFF0CUL, ulong.MaxValue, ulong.MaxValue, 0x3FFFFFFFFFFFFFFFUL]);
        Sqr(root, out var check);
        return AreEqual(check, a);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reduce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7, out FieldElement r)
    {
        // low + high * C; the carry out (below 2^34) is folded once more.
        var c = MulAdd(t4, C, t0, 0, out var r0);
        c = MulAdd(t5, C, t1, c, out var r1);
        c = MulAdd(t6, C, t2, c, out var r2);
        c = MulAdd(t7, C, t3, c, out var r3);
        Fold(c, ref r0, ref r1, ref r2, ref r3);
        r = new FieldElement(r0, r1, r2, r3);
    }

    /// <summary>Adds overflow * 2^256 (≡ overflow * C) into the four limbs, leaving a value below 2^256.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fold(ulong overflow, ref ulong r0, ref ulong r1, ref ulong r2, ref ulong r3)
    {
        while (overflow != 0)
        {
            var hi = MulAdd(overflow, C, r0, 0, out r0);
            r1 += hi;
            var carry = Bit(r1 < hi);
            r2 += carry;
            carry = Bit(r2 < carry);
            r3 += carry;
            overflow = Bit(r3 < carry);
        }
    }
}
