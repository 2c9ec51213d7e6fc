using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Faithcoin.Consensus.Pow;

/// <summary>
/// Rotate and row-shuffle primitives of the Salsa20 rounds for each vector width. In the diagonalised paths
/// every 128-bit lane holds one row of one Salsa20 block and shuffles stay inside 128-bit lanes.
/// The <c>IsSupported</c> checks are JIT-time constants, so each call compiles to one or three instructions.
/// </summary>
internal static class SalsaSimd
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Rotl(Vector128<uint> x, [ConstantExpected(Min = 1, Max = 31)] byte n)
    {
        if (Avx512F.VL.IsSupported)
        {
            return Avx512F.VL.RotateLeft(x, n);
        }

        if (AdvSimd.IsSupported)
        {
            // NEON has no rotate; shift-right-and-insert fills the low bits the left shift cleared: two instructions.
            // Every caller passes a literal n, so after inlining 32 - n is as constant as the analyzer wants it.
#pragma warning disable CA1857
            return AdvSimd.ShiftRightAndInsert(AdvSimd.ShiftLeftLogical(x, n), x, (byte)(32 - n));
#pragma warning restore CA1857
        }

        return Vector128.ShiftLeft(x, n) | Vector128.ShiftRightLogical(x, 32 - n);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Rotl(Vector256<uint> x, [ConstantExpected(Min = 1, Max = 31)] byte n)
    {
        if (Avx512F.VL.IsSupported)
        {
            return Avx512F.VL.RotateLeft(x, n);
        }

        return Vector256.ShiftLeft(x, n) | Vector256.ShiftRightLogical(x, 32 - n);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Rotl(Vector512<uint> x, [ConstantExpected(Min = 1, Max = 31)] byte n)
    {
        if (Avx512F.IsSupported)
        {
            return Avx512F.RotateLeft(x, n);
        }

        return Vector512.ShiftLeft(x, n) | Vector512.ShiftRightLogical(x, 32 - n);
    }

    /// <summary>Row element i takes element (i + 3) mod 4: (w0,w1,w2,w3) becomes (w3,w0,w1,w2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Turn1(Vector128<uint> x) => Vector128.Shuffle(x, Vector128.Create(3u, 0u, 1u, 2u));

    /// <summary>Row element i takes element (i + 2) mod 4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Turn2(Vector128<uint> x) => Vector128.Shuffle(x, Vector128.Create(2u, 3u, 0u, 1u));

    /// <summary>Row element i takes element (i + 1) mod 4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Turn3(Vector128<uint> x) => Vector128.Shuffle(x, Vector128.Create(1u, 2u, 3u, 0u));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Turn1(Vector256<uint> x) => Avx2.Shuffle(x, 0x93);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Turn2(Vector256<uint> x) => Avx2.Shuffle(x, 0x4E);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Turn3(Vector256<uint> x) => Avx2.Shuffle(x, 0x39);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Turn1(Vector512<uint> x) => Avx512F.Shuffle(x, 0x93);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Turn2(Vector512<uint> x) => Avx512F.Shuffle(x, 0x4E);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Turn3(Vector512<uint> x) => Avx512F.Shuffle(x, 0x39);
}
