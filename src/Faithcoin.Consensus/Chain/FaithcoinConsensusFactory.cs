using NBitcoin;

namespace Faithcoin.Consensus.Chain;

/// <summary>Tells NBitcoin's serializers to build faithcoin headers and blocks. Stateless, so one instance serves all.</summary>
public sealed class FaithcoinConsensusFactory : ConsensusFactory
{
    private FaithcoinConsensusFactory()
    {
    }

    public static FaithcoinConsensusFactory Instance { get; } = new();

    public override BlockHeader CreateBlockHeader() => new FaithcoinBlockHeader();

    public override Block CreateBlock() => new FaithcoinBlock(new FaithcoinBlockHeader());
}
