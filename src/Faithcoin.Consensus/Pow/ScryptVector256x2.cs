using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static Faithcoin.Consensus.Pow.SalsaSimd;

namespace Faithcoin.Consensus.Pow;

/// <summary>
/// ROMix for four headers at once (AVX2): each <see cref="Vector256{T}"/> holds the same diagonalised row of two
/// headers (one per 128-bit half), and two such chains (A = headers 0, 1; B = headers 2, 3) are interleaved
/// instruction by instruction so one chain's latency hides behind the other's work.
/// V entry i is 512 bytes: chain A's eight rows then chain B's, 32 bytes each.
/// </summary>
[SkipLocalsInit]
internal static unsafe class ScryptVector256x2
{
    /// <summary>Headers processed per call of <see cref="Romix"/>.</summary>
    public const int Lanes = 4;

    /// <summary>Bytes of scratch memory (the V tables) <see cref="Romix"/> needs.</summary>
    public const int ScratchBytes = ScryptPow.N * EntryBytes;

    private const int EntryBytes = Lanes * 128;
    private const int ChainBytes = EntryBytes / 2;

    /// <summary>ROMix in place on four consecutive 32-word blocks in natural order.</summary>
    public static void Romix(uint* x, byte* v)
    {
        var d = stackalloc uint[Lanes * ScryptLayout.Words];
        for (var lane = 0; lane < Lanes; lane++)
        {
            ScryptLayout.ToDiagonal(x + (lane * ScryptLayout.Words), d + (lane * ScryptLayout.Words));
        }

        Vector256<uint> a0 = Join(d, 0, 0), a1 = Join(d, 0, 1), a2 = Join(d, 0, 2), a3 = Join(d, 0, 3);
        Vector256<uint> a4 = Join(d, 0, 4), a5 = Join(d, 0, 5), a6 = Join(d, 0, 6), a7 = Join(d, 0, 7);
        Vector256<uint> b0 = Join(d, 2, 0), b1 = Join(d, 2, 1), b2 = Join(d, 2, 2), b3 = Join(d, 2, 3);
        Vector256<uint> b4 = Join(d, 2, 4), b5 = Join(d, 2, 5), b6 = Join(d, 2, 6), b7 = Join(d, 2, 7);

        var p = v;
        for (var i = 0; i < ScryptPow.N; i++, p += EntryBytes)
        {
            var pa = (uint*)p;
            var pb = (uint*)(p + ChainBytes);
            a0.Store(pa); a1.Store(pa + 8); a2.Store(pa + 16); a3.Store(pa + 24);
            a4.Store(pa + 32); a5.Store(pa + 40); a6.Store(pa + 48); a7.Store(pa + 56);
            b0.Store(pb); b1.Store(pb + 8); b2.Store(pb + 16); b3.Store(pb + 24);
            b4.Store(pb + 32); b5.Store(pb + 40); b6.Store(pb + 48); b7.Store(pb + 56);
            BlockMix(ref a0, ref a1, ref a2, ref a3, ref a4, ref a5, ref a6, ref a7, ref b0, ref b1, ref b2, ref b3, ref b4, ref b5, ref b6, ref b7);
        }

        for (var i = 0; i < ScryptPow.N; i++)
        {
            var pa0 = Entry(v, a4.GetElement(0));
            var pa1 = Entry(v, a4.GetElement(4)) + 4;
            var pb0 = Entry(v, b4.GetElement(0)) + (ChainBytes / 4);
            var pb1 = Entry(v, b4.GetElement(4)) + (ChainBytes / 4) + 4;
            a0 ^= Gather(pa0, pa1, 0); a1 ^= Gather(pa0, pa1, 1); a2 ^= Gather(pa0, pa1, 2); a3 ^= Gather(pa0, pa1, 3);
            a4 ^= Gather(pa0, pa1, 4); a5 ^= Gather(pa0, pa1, 5); a6 ^= Gather(pa0, pa1, 6); a7 ^= Gather(pa0, pa1, 7);
            b0 ^= Gather(pb0, pb1, 0); b1 ^= Gather(pb0, pb1, 1); b2 ^= Gather(pb0, pb1, 2); b3 ^= Gather(pb0, pb1, 3);
            b4 ^= Gather(pb0, pb1, 4); b5 ^= Gather(pb0, pb1, 5); b6 ^= Gather(pb0, pb1, 6); b7 ^= Gather(pb0, pb1, 7);
            BlockMix(ref a0, ref a1, ref a2, ref a3, ref a4, ref a5, ref a6, ref a7, ref b0, ref b1, ref b2, ref b3, ref b4, ref b5, ref b6, ref b7);
        }

        Split(a0, d, 0, 0); Split(a1, d, 0, 1); Split(a2, d, 0, 2); Split(a3, d, 0, 3);
        Split(a4, d, 0, 4); Split(a5, d, 0, 5); Split(a6, d, 0, 6); Split(a7, d, 0, 7);
        Split(b0, d, 2, 0); Split(b1, d, 2, 1); Split(b2, d, 2, 2); Split(b3, d, 2, 3);
        Split(b4, d, 2, 4); Split(b5, d, 2, 5); Split(b6, d, 2, 6); Split(b7, d, 2, 7);
        for (var lane = 0; lane < Lanes; lane++)
        {
            ScryptLayout.FromDiagonal(d + (lane * ScryptLayout.Words), x + (lane * ScryptLayout.Words));
        }
    }

    /// <summary>Row <paramref name="row"/> of headers <paramref name="lane"/> and lane + 1 as one vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Join(uint* d, int lane, int row) =>
        Vector256.Create(Vector128.Load(d + (lane * 32) + (row * 4)), Vector128.Load(d + ((lane + 1) * 32) + (row * 4)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Split(Vector256<uint> r, uint* d, int lane, int row)
    {
        r.GetLower().Store(d + (lane * 32) + (row * 4));
        r.GetUpper().Store(d + ((lane + 1) * 32) + (row * 4));
    }

    /// <summary>Start of V entry <c>j mod N</c> (as words).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint* Entry(byte* v, uint j) => (uint*)(v + ((nuint)(j & (ScryptPow.N - 1)) * EntryBytes));

    /// <summary>Row <paramref name="row"/> of a chain, low half from one header's entry and high half from the other's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Gather(uint* low, uint* high, int row) =>
        Vector256.Create(Vector128.Load(low + (row * 8)), Vector128.Load(high + (row * 8)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BlockMix(
        ref Vector256<uint> a0, ref Vector256<uint> a1, ref Vector256<uint> a2, ref Vector256<uint> a3,
        ref Vector256<uint> a4, ref Vector256<uint> a5, ref Vector256<uint> a6, ref Vector256<uint> a7,
        ref Vector256<uint> b0, ref Vector256<uint> b1, ref Vector256<uint> b2, ref Vector256<uint> b3,
        ref Vector256<uint> b4, ref Vector256<uint> b5, ref Vector256<uint> b6, ref Vector256<uint> b7)
    {
        a0 ^= a4; a1 ^= a5; a2 ^= a6; a3 ^= a7;
        b0 ^= b4; b1 ^= b5; b2 ^= b6; b3 ^= b7;
        Salsa20x8(ref a0, ref a1, ref a2, ref a3, ref b0, ref b1, ref b2, ref b3);
        a4 ^= a0; a5 ^= a1; a6 ^= a2; a7 ^= a3;
        b4 ^= b0; b5 ^= b1; b6 ^= b2; b7 ^= b3;
        Salsa20x8(ref a4, ref a5, ref a6, ref a7, ref b4, ref b5, ref b6, ref b7);
    }

    /// <summary>Salsa20/8 with feed-forward on two interleaved chains of diagonalised rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Salsa20x8(
        ref Vector256<uint> p0, ref Vector256<uint> p1, ref Vector256<uint> p2, ref Vector256<uint> p3,
        ref Vector256<uint> q0, ref Vector256<uint> q1, ref Vector256<uint> q2, ref Vector256<uint> q3)
    {
        Vector256<uint> a = p0, b = p1, c = p2, d = p3;
        Vector256<uint> e = q0, f = q1, g = q2, h = q3;
        for (var round = 0; round < 8; round += 2)
        {
            b ^= Rotl(a + d, 7); f ^= Rotl(e + h, 7);
            c ^= Rotl(b + a, 9); g ^= Rotl(f + e, 9);
            d ^= Rotl(c + b, 13); h ^= Rotl(g + f, 13);
            a ^= Rotl(d + c, 18); e ^= Rotl(h + g, 18);
            b = Turn1(b); f = Turn1(f);
            c = Turn2(c); g = Turn2(g);
            d = Turn3(d); h = Turn3(h);

            d ^= Rotl(a + b, 7); h ^= Rotl(e + f, 7);
            c ^= Rotl(d + a, 9); g ^= Rotl(h + e, 9);
            b ^= Rotl(c + d, 13); f ^= Rotl(g + h, 13);
            a ^= Rotl(b + c, 18); e ^= Rotl(f + g, 18);
            b = Turn3(b); f = Turn3(f);
            c = Turn2(c); g = Turn2(g);
            d = Turn1(d); h = Turn1(h);
        }

        p0 += a; p1 += b; p2 += c; p3 += d;
        q0 += e; q1 += f; q2 += g; q3 += h;
    }
}
