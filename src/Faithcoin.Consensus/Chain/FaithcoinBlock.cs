using NBitcoin;

namespace Faithcoin.Consensus.Chain;

/// <summary>A block that deserializes with faithcoin's header and transaction types.</summary>
public sealed class FaithcoinBlock : Block
{
    public FaithcoinBlock(FaithcoinBlockHeader header)
#pragma warning disable CS0618 // NBitcoin steers callers to a ConsensusFactory; this type is what our factory builds.
        : base(header)
#pragma warning restore CS0618
    {
    }

    public override ConsensusFactory GetConsensusFactory() => FaithcoinConsensusFactory.Instance;
}
