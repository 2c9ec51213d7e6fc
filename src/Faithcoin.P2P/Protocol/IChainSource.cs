using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// The chain as the P2P layer sees it; Faithcoin.Node's chain manager implements it. Reads must be safe to
/// call from any peer's thread at any time; each method answers from one consistent state of the chain (a
/// reorg may happen between two calls, never during one). Headers handed out must be the block index's own
/// entries (one object per hash, linked to their parents), because block download walks their ancestors.
/// </summary>
public interface IChainSource
{
    /// <summary>The tip of the active chain (chainActive.Tip()); its height is the version message's start height.</summary>
    ChainedHeader Tip { get; }

    /// <summary>The most-work header known, which may be ahead of the tip (pindexBestHeader).</summary>
    ChainedHeader BestHeader { get; }

    /// <summary>
    /// IsInitialBlockDownload(): while true, getheaders from peers that are not whitelisted goes unanswered and
    /// blocks are fetched only from preferred download peers.
    /// </summary>
    bool IsInitialBlockDownload { get; }

    /// <summary>Any header in the block index (active chain or not), or null.</summary>
    ChainedHeader? FindHeader(uint256 hash);

    /// <summary>
    /// The download facts of a header from the block index: whether its block is stored, whether it and all its
    /// ancestors are (nChainTx), whether it is marked failed, and whether segwit applies to it. Called for every
    /// header block download looks at, under the download tracker's lock, so it must be cheap (no I/O) and must
    /// not wait for the chain manager's writer (read the entry's published status).
    /// </summary>
    BlockAvailability GetAvailability(ChainedHeader header);

    /// <summary>chainActive.GetLocator(header): the hashes a getheaders for the chain ending at <paramref name="header"/> carries.</summary>
    BlockLocator GetLocator(ChainedHeader header);

    /// <summary>
    /// The answer to a getheaders (and, minus the stop block, a getblocks) with a non-empty locator: the active
    /// chain from the block after the last locator entry on the active chain (after genesis when none is), in
    /// order, stopping after <paramref name="hashStop"/> or after <paramref name="maxCount"/> headers. Empty
    /// when the caller is at the tip.
    /// </summary>
    IReadOnlyList<ChainedHeader> GetHeadersAfter(BlockLocator locator, uint256 hashStop, int maxCount);

    /// <summary>
    /// The block's serialized bytes with witness data, or null when it is unknown or not to be served (pruned,
    /// or not on the active chain and not valid, as 0.15's getdata rules say). A block stored but not validated
    /// yet (possibly being connected after an early announcement) may be answered only once the chain has tried it.
    /// </summary>
    ValueTask<byte[]?> ReadBlockAsync(uint256 hash, CancellationToken cancellationToken);

    /// <summary>
    /// ProcessNewBlockHeaders for a connected run whose proof of work the caller has checked (see
    /// <see cref="PowCheckedHeaders"/>): run AcceptBlockHeader without the scrypt hash (the chain manager's
    /// proofOfWorkChecked), in order, stopping at the first failure. The error carries the DoS score the
    /// sending peer earns (prev-blk-not-found: 10, bad-diffbits: 100, ...); <see cref="HeadersAcceptResult.Last"/>
    /// is the last header accepted.
    /// </summary>
    ValueTask<HeadersAcceptResult> AcceptHeadersAsync(PowCheckedHeaders headers, CancellationToken cancellationToken);

    /// <summary>
    /// ProcessNewBlock: check, store and connect. A block whose parent is known only as a header is stored
    /// (out-of-order arrival is normal with parallel download) and connected once its ancestors are.
    /// <paramref name="forceProcessing"/> is set for blocks we asked for (or from whitelisted peers outside
    /// initial download); unrequested blocks may be dropped by the chain's own rules. The tip change, if any,
    /// reaches the P2P layer through <see cref="P2PNode.UpdatedBlockTip"/>, and a new block on the tip, before it
    /// is connected, through <see cref="P2PNode.NewPoWValidBlock"/>.
    /// </summary>
    ValueTask<BlockAcceptResult> AcceptBlockAsync(Block block, bool forceProcessing, CancellationToken cancellationToken) =>
        AcceptBlockAsync(block, serialized: null, forceProcessing, cancellationToken);

    /// <summary>
    /// As <see cref="AcceptBlockAsync(Block, bool, CancellationToken)"/>, with <paramref name="serialized"/> the block's own
    /// serialization (witness included) when the caller has it, so the chain stores those bytes instead of serializing
    /// the block again.
    /// </summary>
    ValueTask<BlockAcceptResult> AcceptBlockAsync(Block block, ReadOnlyMemory<byte>? serialized, bool forceProcessing, CancellationToken cancellationToken);
}
