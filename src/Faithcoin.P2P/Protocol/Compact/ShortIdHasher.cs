using System.Buffers.Binary;
using System.Security.Cryptography;
using Faithcoin.P2P.Net;
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

    /// <summary>SipHash-2-4 over the 32 bytes of a hash (Core's SipHashUint256): four little-endian words.</summary>
    public ulong SipHash(uint256 hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        Span<byte> bytes = stackalloc byte[32];
        hash.ToBytes(bytes);
        var hasher = new SipHasher(k0, k1);
        for (var i = 0; i < 4; i++)
        {
            hasher = hasher.Write(BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * 8)..]));
        }

        return hasher.Finalize();
    }
}
