using System.Numerics;
using System.Runtime.CompilerServices;

namespace Faithcoin.Consensus.Pow;

/// <summary>Portable scalar ROMix (N = 1024, r = 1) with Salsa20/8; the fallback every platform has.</summary>
internal static unsafe class ScryptScalar
{
    /// <summary>Headers processed per call of <see cref="Romix"/>.</summary>
    public const int Lanes = 1;

    /// <summary>Bytes of scratch memory (the V table) <see cref="Romix"/> needs.</summary>
    public const int ScratchBytes = ScryptPow.N * 128;

    /// <summary>ROMix in place on 32 words in natural order; <paramref name="v"/> holds <see cref="ScratchBytes"/>.</summary>
    public static void Romix(uint* x, byte* v)
    {
        var table = (uint*)v;
        for (var i = 0; i < ScryptPow.N; i++)
        {
            Unsafe.CopyBlockUnaligned(table + (i * 32), x, 128);
            BlockMix(x);
        }

        for (var i = 0; i < ScryptPow.N; i++)
        {
            var entry = table + ((x[16] & (ScryptPow.N - 1)) * 32);
            for (var k = 0; k < 32; k++)
            {
                x[k] ^= entry[k];
            }

            BlockMix(x);
        }
    }

    /// <summary>BlockMix for r = 1: Y0 = Salsa(B0 ^ B1), Y1 = Salsa(Y0 ^ B1).</summary>
    private static void BlockMix(uint* b)
    {
        for (var k = 0; k < 16; k++)
        {
            b[k] ^= b[16 + k];
        }

        Salsa20x8(b);
        for (var k = 0; k < 16; k++)
        {
            b[16 + k] ^= b[k];
        }

        Salsa20x8(b + 16);
    }

    /// <summary>b = b + Salsa20/8 core rounds(b), on 16 words.</summary>
    private static void Salsa20x8(uint* b)
    {
        uint x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7];
        uint x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15];
        for (var round = 0; round < 8; round += 2)
        {
            // Columns.
            x4 ^= BitOperations.RotateLeft(x0 + x12, 7);
            x9 ^= BitOperations.RotateLeft(x5 + x1, 7);
            x14 ^= BitOperations.RotateLeft(x10 + x6, 7);
            x3 ^= BitOperations.RotateLeft(x15 + x11, 7);
            x8 ^= BitOperations.RotateLeft(x4 + x0, 9);
            x13 ^= BitOperations.RotateLeft(x9 + x5, 9);
            x2 ^= BitOperations.RotateLeft(x14 + x10, 9);
            x7 ^= BitOperations.RotateLeft(x3 + x15, 9);
            x12 ^= BitOperations.RotateLeft(x8 + x4, 13);
            x1 ^= BitOperations.RotateLeft(x13 + x9, 13);
            x6 ^= BitOperations.RotateLeft(x2 + x14, 13);
            x11 ^= BitOperations.RotateLeft(x7 + x3, 13);
            x0 ^= BitOperations.RotateLeft(x12 + x8, 18);
            x5 ^= BitOperations.RotateLeft(x1 + x13, 18);
            x10 ^= BitOperations.RotateLeft(x6 + x2, 18);
            x15 ^= BitOperations.RotateLeft(x11 + x7, 18);

            // Rows.
            x1 ^= BitOperations.RotateLeft(x0 + x3, 7);
            x6 ^= BitOperations.RotateLeft(x5 + x4, 7);
            x11 ^= BitOperations.RotateLeft(x10 + x9, 7);
            x12 ^= BitOperations.RotateLeft(x15 + x14, 7);
            x2 ^= BitOperations.RotateLeft(x1 + x0, 9);
            x7 ^= BitOperations.RotateLeft(x6 + x5, 9);
            x8 ^= BitOperations.RotateLeft(x11 + x10, 9);
            x13 ^= BitOperations.RotateLeft(x12 + x15, 9);
            x3 ^= BitOperations.RotateLeft(x2 + x1, 13);
            x4 ^= BitOperations.RotateLeft(x7 + x6, 13);
            x9 ^= BitOperations.RotateLeft(x8 + x11, 13);
            x14 ^= BitOperations.RotateLeft(x13 + x12, 13);
            x0 ^= BitOperations.RotateLeft(x3 + x2, 18);
            x5 ^= BitOperations.RotateLeft(x4 + x7, 18);
            x10 ^= BitOperations.RotateLeft(x9 + x8, 18);
            x15 ^= BitOperations.RotateLeft(x14 + x13, 18);
        }

        b[0] += x0; b[1] += x1; b[2] += x2; b[3] += x3; b[4] += x4; b[5] += x5; b[6] += x6; b[7] += x7;
        b[8] += x8; b[9] += x9; b[10] += x10; b[11] += x11; b[12] += x12; b[13] += x13; b[14] += x14; b[15] += x15;
    }
}
