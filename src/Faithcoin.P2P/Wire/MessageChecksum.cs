using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Faithcoin.P2P.Wire;

/// <summary>The header checksum: the first four bytes of the payload's double SHA-256.</summary>
public static class MessageChecksum
{
    public static uint Compute(ReadOnlySpan<byte> payload)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload, hash);
        SHA256.HashData(hash, hash);
        return BinaryPrimitives.ReadUInt32LittleEndian(hash);
    }
}
