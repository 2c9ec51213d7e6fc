using System.Buffers.Binary;
using NBitcoin;

namespace Faithcoin.Consensus.Chain;

/// <summary>Writes the 80-byte header into a caller's buffer, so hashing a header does not allocate.</summary>
public static class BlockHeaderBytes
{
    public const int Size = 80;

    public static void Write(BlockHeader header, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (destination.Length < Size)
        {
            throw new ArgumentException("The buffer must hold 80 bytes.", nameof(destination));
        }

        BinaryPrimitives.WriteInt32LittleEndian(destination, header.Version);
        header.HashPrevBlock.ToBytes(destination.Slice(4, 32), true);
        header.HashMerkleRoot.ToBytes(destination.Slice(36, 32), true);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[68..], (uint)header.BlockTime.ToUnixTimeSeconds());
        BinaryPrimitives.WriteUInt32LittleEndian(destination[72..], header.Bits.ToCompact());
        BinaryPrimitives.WriteUInt32LittleEndian(destination[76..], header.Nonce);
    }
}
