using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.ChainView;

/// <summary>
/// What the RPC methods read of the active chain. The skeleton serves a genesis-only chain; the chainstate
/// implementation replaces it without the readers changing.
/// </summary>
public interface IChainView
{
    /// <summary>The tip of the active chain (chainActive.Tip()).</summary>
    ChainedHeader Tip { get; }

    /// <summary>The most-work header known, which may be ahead of the tip (pindexBestHeader).</summary>
    ChainedHeader BestHeader { get; }

    /// <summary>The active chain's block at <paramref name="height"/>, or null when outside 0..Tip.Height.</summary>
    ChainedHeader? GetBlockAtHeight(int height);
}
