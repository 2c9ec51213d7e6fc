using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.ChainView;

/// <summary>The active chain of a node that has nothing but the network's genesis block.</summary>
public sealed class GenesisOnlyChain : IChainView
{
    public GenesisOnlyChain(ChainParams chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        Tip = new ChainedHeader(chain.CreateGenesisBlock().Header, chain.GenesisHash, previous: null);
    }

    public ChainedHeader Tip { get; }

    public ChainedHeader BestHeader => Tip;

    public ChainedHeader? GetBlockAtHeight(int height) => height == 0 ? Tip : null;
}
