using System.Numerics;
using System.Runtime.CompilerServices;

namespace Faithcoin.Consensus.Pow;

/// <summary>
/// Portable scalar ROMix (N = 1024, r = 1) with Salsa20/8; the fallback every platform has, and the fastest
/// single-header path on CPUs whose SIMD add and rotate take more cycles than their scalar ones.
/// </summary>
/// <remarks>
/// One scrypt hash is a chain of 4,096 Salsa20/8 cores, each needing the last one's output, so its speed is the
/// latency of that chain. The second half of each BlockMix stays in a promoted <see cref="SalsaBlock"/> from one
/// core to the next instead of passing through <c>x</c> in memory, which measured 10-15 % slower; the first half
/// does go through <c>x</c> (the V table needs it there), and reading it straight back cost nothing measurable.
/// </remarks>
internal static unsafe class ScryptScalar
{
    /// <summary>Bytes of scratch memory (the V table) <see cref="Romix"/> needs.</summary>
    public const int ScratchBytes = ScryptPow.N * 128;

    /// <summary>ROMix in place on 32 words in natural order; <paramref name="v"/> holds <see cref="ScratchBytes"/>.</summary>
    public static void Romix(uint* x, byte* v)
    {
        var table = (uint*)v;
        var high = *(SalsaBlock*)(x + 16);
        for (var i = 0; i < ScryptPow.N; i++)
        {
            var entry = table + (i * 32);
            *(SalsaBlock*)entry = *(SalsaBlock*)x;
            *(SalsaBlock*)(entry + 16) = high;
            BlockMix(x, ref high);
        }

        for (var i = 0; i < ScryptPow.N; i++)
        {
            var entry = table + ((high.W0 & (ScryptPow.N - 1)) * 32);
            x[0] ^= entry[0];
            x[1] ^= entry[1];
            x[2] ^= entry[2];
            x[3] ^= entry[3];
            x[4] ^= entry[4];
            x[5] ^= entry[5];
            x[6] ^= entry[6];
            x[7] ^= entry[7];
            x[8] ^= entry[8];
            x[9] ^= entry[9];
            x[10] ^= entry[10];
            x[11] ^= entry[11];
            x[12] ^= entry[12];
            x[13] ^= entry[13];
            x[14] ^= entry[14];
            x[15] ^= entry[15];
            high.W0 ^= entry[16 + 0];
            high.W1 ^= entry[16 + 1];
            high.W2 ^= entry[16 + 2];
            high.W3 ^= entry[16 + 3];
            high.W4 ^= entry[16 + 4];
            high.W5 ^= entry[16 + 5];
            high.W6 ^= entry[16 + 6];
            high.W7 ^= entry[16 + 7];
            high.W8 ^= entry[16 + 8];
            high.W9 ^= entry[16 + 9];
            high.W10 ^= entry[16 + 10];
            high.W11 ^= entry[16 + 11];
            high.W12 ^= entry[16 + 12];
            high.W13 ^= entry[16 + 13];
            high.W14 ^= entry[16 + 14];
            high.W15 ^= entry[16 + 15];
            BlockMix(x, ref high);
        }

        *(SalsaBlock*)(x + 16) = high;
    }

    /// <summary>
    /// <paramref name="cores"/> dependent Salsa20/8 cores (s = s + Rounds(s)) in registers, with no memory traffic: the
    /// latency floor of one scrypt hash (4,096 cores), measured beside it by the benchmarks.
    /// </summary>
    internal static void SalsaChain(ref SalsaBlock state, int cores)
    {
        var s = state; // a local is promoted to registers; a ref parameter's fields would stay in memory
        for (var i = 0; i < cores; i++)
        {
            var t = s;
            Rounds(ref t);
            s.W0 += t.W0; s.W1 += t.W1; s.W2 += t.W2; s.W3 += t.W3; s.W4 += t.W4; s.W5 += t.W5; s.W6 += t.W6; s.W7 += t.W7;
            s.W8 += t.W8; s.W9 += t.W9; s.W10 += t.W10; s.W11 += t.W11; s.W12 += t.W12; s.W13 += t.W13; s.W14 += t.W14; s.W15 += t.W15;
        }

        state = s;
    }

    /// <summary>BlockMix for r = 1 on B = (<paramref name="low"/>, <paramref name="high"/>): Y0 = Salsa(B0 ^ B1), Y1 = Salsa(Y0 ^ B1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BlockMix(uint* low, ref SalsaBlock high)
    {
        SalsaBlock s;
        Salsa(out s, low, in high);
        *(SalsaBlock*)low = s;
        Salsa(out s, low, in high);
        high = s;
    }

    /// <summary>
    /// <paramref name="s"/> = Salsa20/8 core of <paramref name="low"/> ^ <paramref name="high"/>, feed-forward included.
    /// The input is read again for the feed-forward rather than held, so the rounds keep only sixteen words live.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Salsa(out SalsaBlock s, uint* low, in SalsaBlock high)
    {
        s.W0 = low[0] ^ high.W0;
        s.W1 = low[1] ^ high.W1;
        s.W2 = low[2] ^ high.W2;
        s.W3 = low[3] ^ high.W3;
        s.W4 = low[4] ^ high.W4;
        s.W5 = low[5] ^ high.W5;
        s.W6 = low[6] ^ high.W6;
        s.W7 = low[7] ^ high.W7;
        s.W8 = low[8] ^ high.W8;
        s.W9 = low[9] ^ high.W9;
        s.W10 = low[10] ^ high.W10;
        s.W11 = low[11] ^ high.W11;
        s.W12 = low[12] ^ high.W12;
        s.W13 = low[13] ^ high.W13;
        s.W14 = low[14] ^ high.W14;
        s.W15 = low[15] ^ high.W15;
        Rounds(ref s);
        s.W0 += low[0] ^ high.W0;
        s.W1 += low[1] ^ high.W1;
        s.W2 += low[2] ^ high.W2;
        s.W3 += low[3] ^ high.W3;
        s.W4 += low[4] ^ high.W4;
        s.W5 += low[5] ^ high.W5;
        s.W6 += low[6] ^ high.W6;
        s.W7 += low[7] ^ high.W7;
        s.W8 += low[8] ^ high.W8;
        s.W9 += low[9] ^ high.W9;
        s.W10 += low[10] ^ high.W10;
        s.W11 += low[11] ^ high.W11;
        s.W12 += low[12] ^ high.W12;
        s.W13 += low[13] ^ high.W13;
        s.W14 += low[14] ^ high.W14;
        s.W15 += low[15] ^ high.W15;
    }

    /// <summary>The eight Salsa20 rounds, as four double rounds written out so no loop counter takes a register.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rounds(ref SalsaBlock s)
    {
        DoubleRound(ref s);
        DoubleRound(ref s);
        DoubleRound(ref s);
        DoubleRound(ref s);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DoubleRound(ref SalsaBlock s)
    {
        // Columns.
        s.W4 ^= BitOperations.RotateLeft(s.W0 + s.W12, 7);
        s.W9 ^= BitOperations.RotateLeft(s.W5 + s.W1, 7);
        s.W14 ^= BitOperations.RotateLeft(s.W10 + s.W6, 7);
        s.W3 ^= BitOperations.RotateLeft(s.W15 + s.W11, 7);
        s.W8 ^= BitOperations.RotateLeft(s.W4 + s.W0, 9);
        s.W13 ^= BitOperations.RotateLeft(s.W9 + s.W5, 9);
        s.W2 ^= BitOperations.RotateLeft(s.W14 + s.W10, 9);
        s.W7 ^= BitOperations.RotateLeft(s.W3 + s.W15, 9);
        s.W12 ^= BitOperations.RotateLeft(s.W8 + s.W4, 13);
        s.W1 ^= BitOperations.RotateLeft(s.W13 + s.W9, 13);
        s.W6 ^= BitOperations.RotateLeft(s.W2 + s.W14, 13);
        s.W11 ^= BitOperations.RotateLeft(s.W7 + s.W3, 13);
        s.W0 ^= BitOperations.RotateLeft(s.W12 + s.W8, 18);
        s.W5 ^= BitOperations.RotateLeft(s.W1 + s.W13, 18);
        s.W10 ^= BitOperations.RotateLeft(s.W6 + s.W2, 18);
        s.W15 ^= BitOperations.RotateLeft(s.W11 + s.W7, 18);

        // Rows.
        s.W1 ^= BitOperations.RotateLeft(s.W0 + s.W3, 7);
        s.W6 ^= BitOperations.RotateLeft(s.W5 + s.W4, 7);
        s.W11 ^= BitOperations.RotateLeft(s.W10 + s.W9, 7);
        s.W12 ^= BitOperations.RotateLeft(s.W15 + s.W14, 7);
        s.W2 ^= BitOperations.RotateLeft(s.W1 + s.W0, 9);
        s.W7 ^= BitOperations.RotateLeft(s.W6 + s.W5, 9);
        s.W8 ^= BitOperations.RotateLeft(s.W11 + s.W10, 9);
        s.W13 ^= BitOperations.RotateLeft(s.W12 + s.W15, 9);
        s.W3 ^= BitOperations.RotateLeft(s.W2 + s.W1, 13);
        s.W4 ^= BitOperations.RotateLeft(s.W7 + s.W6, 13);
        s.W9 ^= BitOperations.RotateLeft(s.W8 + s.W11, 13);
        s.W14 ^= BitOperations.RotateLeft(s.W13 + s.W12, 13);
        s.W0 ^= BitOperations.RotateLeft(s.W3 + s.W2, 18);
        s.W5 ^= BitOperations.RotateLeft(s.W4 + s.W7, 18);
        s.W10 ^= BitOperations.RotateLeft(s.W9 + s.W8, 18);
        s.W15 ^= BitOperations.RotateLeft(s.W14 + s.W13, 18);
    }
}
