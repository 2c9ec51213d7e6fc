using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Faithcoin.Consensus.Pow;

/// <summary>
/// PBKDF2-HMAC-SHA256 with one iteration, the way scrypt uses it, without managed allocation.
/// HMAC is built on the one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> over stack buffers;
/// the padded keys are computed once per header and reused for both PBKDF2 calls of one scrypt hash.
/// </summary>
internal static class ScryptPbkdf2
{
    /// <summary>Size of the buffer <see cref="InitPads"/> fills: the ipad key then the opad key.</summary>
    public const int PadsSize = 2 * BlockSize;

    /// <summary>Largest salt <see cref="Derive"/> accepts (scrypt's B for r = 1, p = 1).</summary>
    public const int MaxSaltSize = 128;

    private const int BlockSize = 64;
    private const int DigestSize = 32;

    /// <summary>Computes (K ^ ipad) || (K ^ opad) for the HMAC key <paramref name="password"/>.</summary>
    public static void InitPads(ReadOnlySpan<byte> password, Span<byte> pads)
    {
        Span<byte> key = stackalloc byte[BlockSize];
        key.Clear();
        if (password.Length > BlockSize)
        {
            SHA256.HashData(password, key);
        }
        else
        {
            password.CopyTo(key);
        }

        var ipad = pads[..BlockSize];
        var opad = pads.Slice(BlockSize, BlockSize);
        for (var i = 0; i < BlockSize; i++)
        {
            ipad[i] = (byte)(key[i] ^ 0x36);
            opad[i] = (byte)(key[i] ^ 0x5c);
        }
    }

    /// <summary>PBKDF2 with one iteration: output block i is HMAC(password, salt || BE32(i)).</summary>
    public static void Derive(ReadOnlySpan<byte> pads, ReadOnlySpan<byte> salt, Span<byte> output)
    {
        if (salt.Length > MaxSaltSize || output.Length % DigestSize != 0)
        {
            throw new ArgumentException("Unsupported PBKDF2 shape.");
        }

        Span<byte> inner = stackalloc byte[BlockSize + MaxSaltSize + 4];
        Span<byte> outer = stackalloc byte[BlockSize + DigestSize];
        pads[..BlockSize].CopyTo(inner);
        salt.CopyTo(inner[BlockSize..]);
        pads.Slice(BlockSize, BlockSize).CopyTo(outer);
        var innerMessage = inner[..(BlockSize + salt.Length + 4)];
        var counter = inner.Slice(BlockSize + salt.Length, 4);
        var innerDigest = outer[BlockSize..];

        for (var block = 0; block * DigestSize < output.Length; block++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(counter, (uint)(block + 1));
            SHA256.HashData(innerMessage, innerDigest);
            SHA256.HashData(outer, output.Slice(block * DigestSize, DigestSize));
        }
    }
}
