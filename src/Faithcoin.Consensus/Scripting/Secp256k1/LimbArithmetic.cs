using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Faithcoin.Consensus.Scripting.Secp256k1;

/// <summary>
/// 64-bit limb primitives shared by the field and scalar types: carries and borrows without branches, and the
/// 128-bit product. Variable time, like everything here (public data only).
/// </summary>
internal static class LimbArithmetic
{
    /// <summary>a*b + c + d as (high, low); it never exceeds 2^128 − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulAdd(ulong a, ulong b, ulong c, ulong d, out ulong low)
    {
        var high = Wide(a, b, out var l);
        l += c;
        high += Bit(l < c);
        l += d;
        high += Bit(l < d);
        low = l;
        return high;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        var s = a + b;
        var c1 = Bit(s < a);
        var r = s + carry;
        var c2 = Bit(r < s);
        carry = c1 | c2;
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SubWithBorrow(ulong a, ulong b, ref ulong borrow)
    {
        var d = a - b;
        var b1 = Bit(a < b);
        var r = d - borrow;
        var b2 = Bit(d < borrow);
        borrow = b1 | b2;
        return r;
    }

    /// <summary>0 or 1 without a branch: carries are data dependent, and mispredicted branches cost more than the arithmetic.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bit(bool value) => Unsafe.BitCast<bool, byte>(value);

    /// <summary>The 128-bit product; two multiplications beat Math.BigMul, whose low half goes through memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Wide(ulong a, ulong b, out ulong low)
    {
        if (Bmi2.X64.IsSupported)
        {
            low = a * b;
            return Bmi2.X64.MultiplyNoFlags(a, b);
        }

        return Math.BigMul(a, b, out low);
    }
}
