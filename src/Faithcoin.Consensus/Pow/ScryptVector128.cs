using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static Faithcoin.Consensus.Pow.SalsaSimd;

namespace Faithcoin.Consensus.Pow;

/// <summary>
/// ROMix for one header with each diagonalised Salsa20 row in a <see cref="Vector128{T}"/>: the whole
/// 128-byte state lives in eight registers. Works wherever Vector128 is accelerated (SSE2, NEON).
/// </summary>
[SkipLocalsInit]
internal static unsafe class ScryptVector128
{
    /// <summary>Headers processed per call of <see cref="Romix"/>.</summary>
    public const int Lanes = 1;

    /// <summary>Bytes of scratch memory (the V table) <see cref="Romix"/> needs.</summary>
    public const int ScratchBytes = ScryptPow.N * 128;

    /// <summary>ROMix in place on 32 words in natural order; <paramref name="v"/> holds <see cref="ScratchBytes"/>.</summary>
    public static void Romix(uint* x, byte* v)
    {
        var d = stackalloc uint[ScryptLayout.Words];
        ScryptLayout.ToDiagonal(x, d);
        Vector128<uint> x0 = Vector128.Load(d), x1 = Vector128.Load(d + 4), x2 = Vector128.Load(d + 8), x3 = Vector128.Load(d + 12);
        Vector128<uint> y0 = Vector128.Load(d + 16), y1 = Vector128.Load(d + 20), y2 = Vector128.Load(d + 24), y3 = Vector128.Load(d + 28);

        var p = (uint*)v;
        for (var i = 0; i < ScryptPow.N; i++, p += 32)
        {
            x0.Store(p);
            x1.Store(p + 4);
            x2.Store(p + 8);
            x3.Store(p + 12);
            y0.Store(p + 16);
            y1.Store(p + 20);
            y2.Store(p + 24);
            y3.Store(p + 28);
            BlockMix(ref x0, ref x1, ref x2, ref x3, ref y0, ref y1, ref y2, ref y3);
        }

        for (var i = 0; i < ScryptPow.N; i++)
        {
            var q = (uint*)v + ((y0.ToScalar() & (ScryptPow.N - 1)) * 32);
            x0 ^= Vector128.Load(q);
            x1 ^= Vector128.Load(q + 4);
            x2 ^= Vector128.Load(q + 8);
            x3 ^= Vector128.Load(q + 12);
            y0 ^= Vector128.Load(q + 16);
            y1 ^= Vector128.Load(q + 20);
            y2 ^= Vector128.Load(q + 24);
            y3 ^= Vector128.Load(q + 28);
            BlockMix(ref x0, ref x1, ref x2, ref x3, ref y0, ref y1, ref y2, ref y3);
        }

        x0.Store(d);
        x1.Store(d + 4);
        x2.Store(d + 8);
        x3.Store(d + 12);
        y0.Store(d + 16);
        y1.Store(d + 20);
        y2.Store(d + 24);
        y3.Store(d + 28);
        ScryptLayout.FromDiagonal(d, x);
    }

    /// <summary>BlockMix for r = 1 on the two diagonalised blocks (x = B0, y = B1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BlockMix(
        ref Vector128<uint> x0, ref Vector128<uint> x1, ref Vector128<uint> x2, ref Vector128<uint> x3,
        ref Vector128<uint> y0, ref Vector128<uint> y1, ref Vector128<uint> y2, ref Vector128<uint> y3)
    {
        x0 ^= y0;
        x1 ^= y1;
        x2 ^= y2;
        x3 ^= y3;
        Salsa20x8(ref x0, ref x1, ref x2, ref x3);
        y0 ^= x0;
        y1 ^= x1;
        y2 ^= x2;
        y3 ^= x3;
        Salsa20x8(ref y0, ref y1, ref y2, ref y3);
    }

    /// <summary>block = block + Salsa20/8 rounds(block), block given as its four diagonal rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Salsa20x8(ref Vector128<uint> r0, ref Vector128<uint> r1, ref Vector128<uint> r2, ref Vector128<uint> r3)
    {
        Vector128<uint> a = r0, b = r1, c = r2, d = r3;
        for (var round = 0; round < 8; round += 2)
        {
            b ^= Rotl(a + d, 7);
            c ^= Rotl(b + a, 9);
            d ^= Rotl(c + b, 13);
            a ^= Rotl(d + c, 18);
            b = Turn1(b);
            c = Turn2(c);
            d = Turn3(d);

            d ^= Rotl(a + b, 7);
            c ^= Rotl(d + a, 9);
            b ^= Rotl(c + d, 13);
            a ^= Rotl(b + c, 18);
            b = Turn3(b);
            c = Turn2(c);
            d = Turn1(d);
        }

        r0 += a;
        r1 += b;
        r2 += c;
        r3 += d;
    }
}
