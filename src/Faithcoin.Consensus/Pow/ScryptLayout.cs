using System.Buffers.Binary;

namespace Faithcoin.Consensus.Pow;

/// <summary>
/// Word orders of the 128-byte scrypt block B (two 64-byte Salsa20 blocks, r = 1).
/// The SIMD paths keep each Salsa20 block "diagonalised": four rows (x0,x5,x10,x15), (x4,x9,x14,x3),
/// (x8,x13,x2,x7), (x12,x1,x6,x11), so a column round works on whole rows and a row round needs only
/// in-row rotations. Word x0 of the second block (Integerify) stays at position 16 in both orders.
/// </summary>
internal static unsafe class ScryptLayout
{
    /// <summary>Words in a scrypt block.</summary>
    public const int Words = 32;

    /// <summary>Natural word index stored at each diagonal position of one 16-word Salsa20 block.</summary>
    private static ReadOnlySpan<byte> Diagonal => [0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11];

    /// <summary>Reads 128 little-endian bytes into 32 words in natural order.</summary>
    public static void FromBytes(ReadOnlySpan<byte> bytes, uint* words)
    {
        for (var i = 0; i < Words; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(4 * i, 4));
        }
    }

    /// <summary>Writes 32 words in natural order as 128 little-endian bytes.</summary>
    public static void ToBytes(uint* words, Span<byte> bytes)
    {
        for (var i = 0; i < Words; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(4 * i, 4), words[i]);
        }
    }

    /// <summary>Natural order to diagonal order (both 32 words; must not overlap).</summary>
    public static void ToDiagonal(uint* natural, uint* diagonal)
    {
        var map = Diagonal;
        for (var i = 0; i < 16; i++)
        {
            diagonal[i] = natural[map[i]];
            diagonal[16 + i] = natural[16 + map[i]];
        }
    }

    /// <summary>Diagonal order back to natural order (both 32 words; must not overlap).</summary>
    public static void FromDiagonal(uint* diagonal, uint* natural)
    {
        var map = Diagonal;
        for (var i = 0; i < 16; i++)
        {
            natural[map[i]] = diagonal[i];
            natural[16 + map[i]] = diagonal[16 + i];
        }
    }
}
