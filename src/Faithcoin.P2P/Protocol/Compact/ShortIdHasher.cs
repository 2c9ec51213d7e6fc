using System.Buffers.Binary;
using System.Security.Cryptography;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// BIP152 short transaction ids: SipHash-2-4 of a txid (or wtxid), keyed by the first 16 bytes of
/// SHA256(header || nonce), cut to its low 6 bytes.
/// </summary>
public sealed class ShortIdHasher
{
    private const ulong ShortIdMask = 0xffff_ffff_ffffUL;

    private readonly ulong k0;
    private readonly ulong k1;

    public ShortIdHasher(ulong k0, ulong k1)
    {
        this.k0 = k0;
        this.k1 = k1;
    }

    public static ShortIdHasher For(BlockHeader header, ulong nonce)
    {
        ArgumentNullException.ThrowIfNull(header);
        var material = new byte[88];
        header.ToBytes().CopyTo(material, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(material.AsSpan(80), nonce);
        var key = SHA256.HashData(material);
        return new ShortIdHasher(BinaryPrimitives.ReadUInt64LittleEndian(key), BinaryPrimitives.ReadUInt64LittleEndian(key.AsSpan(8)));
    }

    public ulong ShortId(uint256 hash) => SipHash(hash) & ShortIdMask;

    /// <summary>SipHash-2-4 over the 32 bytes of a hash (Core's SipHashUint256).</summary>
    public ulong SipHash(uint256 hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        Span<byte> bytes = stackalloc byte[32];
        hash.ToBytes(bytes);
        var v0 = 0x736f6d6570736575UL ^ k0;
        var v1 = 0x646f72616e646f6dUL ^ k1;
        var v2 = 0x6c7967656e657261UL ^ k0;
        var v3 = 0x7465646279746573UL ^ k1;
        for (var i = 0; i < 4; i++)
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * 8)..]);
            v3 ^= word;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= word;
        }

        // The final block holds only the length (32 bytes) in its top byte.
        const ulong last = 32UL << 56;
        v3 ^= last;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= last;
        v2 ^= 0xff;
        for (var i = 0; i < 4; i++)
        {
            Round(ref v0, ref v1, ref v2, ref v3);
        }

        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1;
        v1 = ulong.RotateLeft(v1, 13);
        v1 ^= v0;
        v0 = ulong.RotateLeft(v0, 32);
        v2 += v3;
        v3 = ulong.RotateLeft(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = ulong.RotateLeft(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = ulong.RotateLeft(v1, 17);
        v1 ^= v2;
        v2 = ulong.RotateLeft(v2, 32);
    }
}
