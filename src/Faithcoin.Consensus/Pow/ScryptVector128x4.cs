using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static Faithcoin.Consensus.Pow.SalsaSimd;

namespace Faithcoin.Consensus.Pow;

/// <summary>
/// ROMix for four headers at once, word-sliced: vector k holds word k of each header, one header per 32-bit lane.
/// Every Salsa20 step is then the same column of four independent lanes, with no shuffles at all, which suits
/// NEON (the Pi) and SSE: plain adds, xors and a two-instruction rotate. The price is paid in the second loop,
/// where each header reads its own V entry and the vector is gathered lane by lane.
/// V entry i is 512 bytes: the 32 word vectors of the four headers.
/// </summary>
[SkipLocalsInit]
internal static unsafe class ScryptVector128x4
{
    /// <summary>Headers processed per call of <see cref="Romix"/>.</summary>
    public const int Lanes = 4;

    /// <summary>Bytes of scratch memory (the V tables) <see cref="Romix"/> needs.</summary>
    public const int ScratchBytes = ScryptPow.N * EntryBytes;

    private const int EntryBytes = ScryptLayout.Words * 16;

    /// <summary>ROMix in place on four consecutive 32-word blocks in natural order.</summary>
    public static void Romix(uint* x, byte* v)
    {
        var b = stackalloc Vector128<uint>[ScryptLayout.Words];
        for (var k = 0; k < ScryptLayout.Words; k++)
        {
            b[k] = Vector128.Create(x[k], x[32 + k], x[64 + k], x[96 + k]);
        }

        var table = (Vector128<uint>*)v;
        for (var i = 0; i < ScryptPow.N; i++)
        {
            Unsafe.CopyBlock(table + (i * ScryptLayout.Words), b, EntryBytes);
            BlockMix(b);
        }

        var words = (uint*)v;
        for (var i = 0; i < ScryptPow.N; i++)
        {
            // Lane L of word k of entry j sits at word (j * 32 + k) * 4 + L of the table.
            var e0 = words + ((b[16].GetElement(0) & (ScryptPow.N - 1)) * 128);
            var e1 = words + ((b[16].GetElement(1) & (ScryptPow.N - 1)) * 128) + 1;
            var e2 = words + ((b[16].GetElement(2) & (ScryptPow.N - 1)) * 128) + 2;
            var e3 = words + ((b[16].GetElement(3) & (ScryptPow.N - 1)) * 128) + 3;
            for (var k = 0; k < ScryptLayout.Words; k++)
            {
                b[k] ^= Vector128.Create(e0[k * 4], e1[k * 4], e2[k * 4], e3[k * 4]);
            }

            BlockMix(b);
        }

        for (var k = 0; k < ScryptLayout.Words; k++)
        {
            x[k] = b[k].GetElement(0);
            x[32 + k] = b[k].GetElement(1);
            x[64 + k] = b[k].GetElement(2);
            x[96 + k] = b[k].GetElement(3);
        }
    }

    /// <summary>BlockMix for r = 1 on the 32 word vectors: Y0 = Salsa(B0 ^ B1), Y1 = Salsa(Y0 ^ B1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BlockMix(Vector128<uint>* b)
    {
        Salsa(b, b + 16);
        Salsa(b + 16, b);
    }

    /// <summary>
    /// <paramref name="block"/> = Salsa20/8(<paramref name="block"/> ^ <paramref name="other"/>) with feed-forward. The
    /// input is read again for the feed-forward instead of being held, so the rounds keep sixteen vectors live.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Salsa(Vector128<uint>* block, Vector128<uint>* other)
    {
        var x0 = block[0] ^ other[0];
        var x1 = block[1] ^ other[1];
        var x2 = block[2] ^ other[2];
        var x3 = block[3] ^ other[3];
        var x4 = block[4] ^ other[4];
        var x5 = block[5] ^ other[5];
        var x6 = block[6] ^ other[6];
        var x7 = block[7] ^ other[7];
        var x8 = block[8] ^ other[8];
        var x9 = block[9] ^ other[9];
        var x10 = block[10] ^ other[10];
        var x11 = block[11] ^ other[11];
        var x12 = block[12] ^ other[12];
        var x13 = block[13] ^ other[13];
        var x14 = block[14] ^ other[14];
        var x15 = block[15] ^ other[15];
        for (var round = 0; round < 8; round += 2)
        {
            DoubleRound(ref x0, ref x1, ref x2, ref x3, ref x4, ref x5, ref x6, ref x7, ref x8, ref x9, ref x10, ref x11, ref x12, ref x13, ref x14, ref x15);
        }

        block[0] = x0 + (block[0] ^ other[0]);
        block[1] = x1 + (block[1] ^ other[1]);
        block[2] = x2 + (block[2] ^ other[2]);
        block[3] = x3 + (block[3] ^ other[3]);
        block[4] = x4 + (block[4] ^ other[4]);
        block[5] = x5 + (block[5] ^ other[5]);
        block[6] = x6 + (block[6] ^ other[6]);
        block[7] = x7 + (block[7] ^ other[7]);
        block[8] = x8 + (block[8] ^ other[8]);
        block[9] = x9 + (block[9] ^ other[9]);
        block[10] = x10 + (block[10] ^ other[10]);
        block[11] = x11 + (block[11] ^ other[11]);
        block[12] = x12 + (block[12] ^ other[12]);
        block[13] = x13 + (block[13] ^ other[13]);
        block[14] = x14 + (block[14] ^ other[14]);
        block[15] = x15 + (block[15] ^ other[15]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DoubleRound(
        ref Vector128<uint> x0, ref Vector128<uint> x1, ref Vector128<uint> x2, ref Vector128<uint> x3,
        ref Vector128<uint> x4, ref Vector128<uint> x5, ref Vector128<uint> x6, ref Vector128<uint> x7,
        ref Vector128<uint> x8, ref Vector128<uint> x9, ref Vector128<uint> x10, ref Vector128<uint> x11,
        ref Vector128<uint> x12, ref Vector128<uint> x13, ref Vector128<uint> x14, ref Vector128<uint> x15)
    {
        // Columns.
        x4 ^= Rotl(x0 + x12, 7);
        x9 ^= Rotl(x5 + x1, 7);
        x14 ^= Rotl(x10 + x6, 7);
        x3 ^= Rotl(x15 + x11, 7);
        x8 ^= Rotl(x4 + x0, 9);
        x13 ^= Rotl(x9 + x5, 9);
        x2 ^= Rotl(x14 + x10, 9);
        x7 ^= Rotl(x3 + x15, 9);
        x12 ^= Rotl(x8 + x4, 13);
        x1 ^= Rotl(x13 + x9, 13);
        x6 ^= Rotl(x2 + x14, 13);
        x11 ^= Rotl(x7 + x3, 13);
        x0 ^= Rotl(x12 + x8, 18);
        x5 ^= Rotl(x1 + x13, 18);
        x10 ^= Rotl(x6 + x2, 18);
        x15 ^= Rotl(x11 + x7, 18);

        // Rows.
        x1 ^= Rotl(x0 + x3, 7);
        x6 ^= Rotl(x5 + x4, 7);
        x11 ^= Rotl(x10 + x9, 7);
        x12 ^= Rotl(x15 + x14, 7);
        x2 ^= Rotl(x1 + x0, 9);
        x7 ^= Rotl(x6 + x5, 9);
        x8 ^= Rotl(x11 + x10, 9);
        x13 ^= Rotl(x12 + x15, 9);
        x3 ^= Rotl(x2 + x1, 13);
        x4 ^= Rotl(x7 + x6, 13);
        x9 ^= Rotl(x8 + x11, 13);
        x14 ^= Rotl(x13 + x12, 13);
        x0 ^= Rotl(x3 + x2, 18);
        x5 ^= Rotl(x4 + x7, 18);
        x10 ^= Rotl(x9 + x8, 18);
        x15 ^= Rotl(x14 + x13, 18);
    
    }
}
