using Faithcoin.Consensus.Pow;
using NBitcoin;

namespace Faithcoin.Consensus.Chain;

// NBitcoin marks the constructor obsolete to steer callers to a ConsensusFactory; this type is what our factory builds.
#pragma warning disable CS0618

/// <summary>A header whose proof-of-work hash is scrypt(1024,1,1) of its 80 bytes, as in Litecoin.</summary>
public sealed class FaithcoinBlockHeader : BlockHeader
{
    public override uint256 GetPoWHash()
    {
        Span<byte> bytes = stackalloc byte[BlockHeaderBytes.Size];
        BlockHeaderBytes.Write(this, bytes);
        return ScryptPow.Hash(bytes);
    }
}
