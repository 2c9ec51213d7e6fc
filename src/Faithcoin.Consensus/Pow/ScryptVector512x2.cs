using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static Faithcoin.Consensus.Pow.SalsaSimd;

namespace Faithcoin.Consensus.Pow;

/// <summary>
/// ROMix for eight headers at once (AVX-512F): each <see cref="Vector512{T}"/> holds the same diagonalised row of
/// four headers (one per 128-bit quarter), and two such chains (A = headers 0-3; B = headers 4-7) are interleaved
/// instruction by instruction so one chain's latency hides behind the other's work.
/// V entry i is 1024 bytes: chain A's eight rows then chain B's, 64 bytes each.
/// </summary>
[SkipLocalsInit]
internal static unsafe class ScryptVector512x2
{
    /// <summary>Headers processed per call of <see cref="Romix"/>.</summary>
    public const int Lanes = 8;

    /// <summary>Bytes of scratch memory (the V tables) <see cref="Romix"/> needs.</summary>
    public const int ScratchBytes = ScryptPow.N * EntryBytes;

    private const int EntryBytes = Lanes * 128;
    private const int ChainBytes = EntryBytes / 2;

    /// <summary>ROMix in place on eight consecutive 32-word blocks in natural order.</summary>
    public static void Romix(uint* x, byte* v)
    {
        var d = stackalloc uint[Lanes * ScryptLayout.Words];
        for (var lane = 0; lane < Lanes; lane++)
        {
            ScryptLayout.ToDiagonal(x + (lane * ScryptLayout.Words), d + (lane * ScryptLayout.Words));
        }

        Vector512<uint> a0 = Join(d, 0, 0), a1 = Join(d, 0, 1), a2 = Join(d, 0, 2), a3 = Join(d, 0, 3);
        Vector512<uint> a4 = Join(d, 0, 4), a5 = Join(d, 0, 5), a6 = Join(d, 0, 6), a7 = Join(d, 0, 7);
        Vector512<uint> b0 = Join(d, 4, 0), b1 = Join(d, 4, 1), b2 = Join(d, 4, 2), b3 = Join(d, 4, 3);
        Vector512<uint> b4 = Join(d, 4, 4), b5 = Join(d, 4, 5), b6 = Join(d, 4, 6), b7 = Join(d, 4, 7);

        var p = v;
        for (var i = 0; i < ScryptPow.N; i++, p += EntryBytes)
        {
            var pa = (uint*)p;
            var pb = (uint*)(p + ChainBytes);
            a0.Store(pa); a1.Store(pa + 16); a2.Store(pa + 32); a3.Store(pa + 48);
            a4.Store(pa + 64); a5.Store(pa + 80); a6.Store(pa + 96); a7.Store(pa + 112);
            b0.Store(pb); b1.Store(pb + 16); b2.Store(pb + 32); b3.Store(pb + 48);
            b4.Store(pb + 64); b5.Store(pb + 80); b6.Store(pb + 96); b7.Store(pb + 112);
            BlockMix(ref a0, ref a1, ref a2, ref a3, ref a4, ref a5, ref a6, ref a7, ref b0, ref b1, ref b2, ref b3, ref b4, ref b5, ref b6, ref b7);
        }

        for (var i = 0; i < ScryptPow.N; i++)
        {
            var ap0 = Entry(v, a4.GetElement(0));
            var ap1 = Entry(v, a4.GetElement(4)) + 4;
            var ap2 = Entry(v, a4.GetElement(8)) + 8;
            var ap3 = Entry(v, a4.GetElement(12)) + 12;
            var bp0 = Entry(v, b4.GetElement(0)) + (ChainBytes / 4);
            var bp1 = Entry(v, b4.GetElement(4)) + (ChainBytes / 4) + 4;
            var bp2 = Entry(v, b4.GetElement(8)) + (ChainBytes / 4) + 8;
            var bp3 = Entry(v, b4.GetElement(12)) + (ChainBytes / 4) + 12;
            a0 ^= Gather(ap0, ap1, ap2, ap3, 0);
            a1 ^= Gather(ap0, ap1, ap2, ap3, 1);
            a2 ^= Gather(ap0, ap1, ap2, ap3, 2);
            a3 ^= Gather(ap0, ap1, ap2, ap3, 3);
            a4 ^= Gather(ap0, ap1, ap2, ap3, 4);
            a5 ^= Gather(ap0, ap1, ap2, ap3, 5);
            a6 ^= Gather(ap0, ap1, ap2, ap3, 6);
            a7 ^= Gather(ap0, ap1, ap2, ap3, 7);
            b0 ^= Gather(bp0, bp1, bp2, bp3, 0);
            b1 ^= Gather(bp0, bp1, bp2, bp3, 1);
            b2 ^= Gather(bp0, bp1, bp2, bp3, 2);
            b3 ^= Gather(bp0, bp1, bp2, bp3, 3);
            b4 ^= Gather(bp0, bp1, bp2, bp3, 4);
            b5 ^= Gather(bp0, bp1, bp2, bp3, 5);
            b6 ^= Gather(bp0, bp1, bp2, bp3, 6);
            b7 ^= Gather(bp0, bp1, bp2, bp3, 7);
            BlockMix(ref a0, ref a1, ref a2, ref a3, ref a4, ref a5, ref a6, ref a7, ref b0, ref b1, ref b2, ref b3, ref b4, ref b5, ref b6, ref b7);
        }

        Split(a0, d, 0, 0); Split(a1, d, 0, 1); Split(a2, d, 0, 2); Split(a3, d, 0, 3);
        Split(a4, d, 0, 4); Split(a5, d, 0, 5); Split(a6, d, 0, 6); Split(a7, d, 0, 7);
        Split(b0, d, 4, 0); Split(b1, d, 4, 1); Split(b2, d, 4, 2); Split(b3, d, 4, 3);
        Split(b4, d, 4, 4); Split(b5, d, 4, 5); Split(b6, d, 4, 6); Split(b7, d, 4, 7);
        for (var lane = 0; lane < Lanes; lane++)
        {
            ScryptLayout.FromDiagonal(d + (lane * ScryptLayout.Words), x + (lane * ScryptLayout.Words));
        }
    }

    /// <summary>Row <paramref name="row"/> of headers <paramref name="lane"/> to lane + 3 as one vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Join(uint* d, int lane, int row) =>
        Vector512.Create(
            Vector256.Create(Vector128.Load(d + (lane * 32) + (row * 4)), Vector128.Load(d + ((lane + 1) * 32) + (row * 4))),
            Vector256.Create(Vector128.Load(d + ((lane + 2) * 32) + (row * 4)), Vector128.Load(d + ((lane + 3) * 32) + (row * 4))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Split(Vector512<uint> r, uint* d, int lane, int row)
    {
        r.GetLower().GetLower().Store(d + (lane * 32) + (row * 4));
        r.GetLower().GetUpper().Store(d + ((lane + 1) * 32) + (row * 4));
        r.GetUpper().GetLower().Store(d + ((lane + 2) * 32) + (row * 4));
        r.GetUpper().GetUpper().Store(d + ((lane + 3) * 32) + (row * 4));
    }

    /// <summary>Start of V entry <c>j mod N</c> (as words).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint* Entry(byte* v, uint j) => (uint*)(v + ((nuint)(j & (ScryptPow.N - 1)) * EntryBytes));

    /// <summary>Row <paramref name="row"/> of a chain, quarter k from header k's V entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Gather(uint* p0, uint* p1, uint* p2, uint* p3, int row) =>
        Vector512.Create(
            Vector256.Create(Vector128.Load(p0 + (row * 16)), Vector128.Load(p1 + (row * 16))),
            Vector256.Create(Vector128.Load(p2 + (row * 16)), Vector128.Load(p3 + (row * 16))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BlockMix(
        ref Vector512<uint> a0, ref Vector512<uint> a1, ref Vector512<uint> a2, ref Vector512<uint> a3,
        ref Vector512<uint> a4, ref Vector512<uint> a5, ref Vector512<uint> a6, ref Vector512<uint> a7,
        ref Vector512<uint> b0, ref Vector512<uint> b1, ref Vector512<uint> b2, ref Vector512<uint> b3,
        ref Vector512<uint> b4, ref Vector512<uint> b5, ref Vector512<uint> b6, ref Vector512<uint> b7)
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
        ref Vector512<uint> p0, ref Vector512<uint> p1, ref Vector512<uint> p2, ref Vector512<uint> p3,
        ref Vector512<uint> q0, ref Vector512<uint> q1, ref Vector512<uint> q2, ref Vector512<uint> q3)
    {
        Vector512<uint> a = p0, b = p1, c = p2, d = p3;
        Vector512<uint> e = q0, f = q1, g = q2, h = q3;
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
