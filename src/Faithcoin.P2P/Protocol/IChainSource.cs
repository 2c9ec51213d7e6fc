using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// The chain as the P2P layer sees it; Faithcoin.Node's chain manager implements it. Reads must be safe to
/// call from any peer's thread at any time; each method answers from one consistent state of the chain (a
/// reorg may happen between two calls, never during one).
/// </summary>
public interface IChainSource
{
    /// <summary>The tip of the active chain (chainActive.Tip()); its height is the version message's start height.</summary>
    ChainedHeader Tip { get; }

    /// <summary>The most-work header known, which may be ahead of the tip (pindexBestHeader).</summary>
    ChainedHeader BestHeader { get; }

    /// <summary>IsInitialBlockDownload(): while true, getheaders from peers that are not whitelisted goes unanswered.</summary>
    bool IsInitialBlockDownload { get; }

    /// <summary>Any header in the block index (active chain or not), or null.</summary>
    ChainedHeader? FindHeader(uint256 hash);

    /// <summary>chainActive.GetLocator(header): the hashes a getheaders for the chain ending at <paramref name="header"/> carries.</summary>
    BlockLocator GetLocator(ChainedHeader header);

    /// <summary>
    /// The answer to a getheaders with a non-empty locator: the active chain from the block after the last
    /// locator entry on the active chain (after genesis when none is), in order, stopping after
    /// <paramref name="hashStop"/> or after <paramref name="maxCount"/> headers. Empty when the caller is at the tip.
    /// </summary>
    IReadOnlyList<ChainedHeader> GetHeadersAfter(BlockLocator locator, uint256 hashStop, int maxCount);

    /// <summary>
    /// The block's serialized bytes with witness data, or null when it is unknown or not to be served (pruned,
    /// or not on the active chain and not valid, as 0.15's getdata rules say).
    /// </summary>
    ValueTask<byte[]?> ReadBlockAsync(uint256 hash, CancellationToken cancellationToken);

    /// <summary>
    /// ProcessNewBlockHeaders: validates and adds a connected run of headers. The error, if any, carries the
    /// DoS score the sending peer earns (prev-blk-not-found: 10, high-hash: 50, ...).
    /// </summary>
    ValueTask<HeadersAcceptResult> AcceptHeadersAsync(IReadOnlyList<BlockHeader> headers, CancellationToken cancellationToken);

    /// <summary>
    /// ProcessNewBlock. <paramref name="forceProcessing"/> is set for blocks we asked for (or from whitelisted
    /// peers outside initial download); unrequested blocks may be dropped by the chain's own rules.
    /// </summary>
    ValueTask<BlockAcceptResult> AcceptBlockAsync(Block block, bool forceProcessing, CancellationToken cancellationToken);
}
