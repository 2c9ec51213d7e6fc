using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Protocol.Sync;
using Faithcoin.P2P.Wire;
using Microsoft.Extensions.Logging;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// Sends blocks as cmpctblock: to high-bandwidth peers when a PoW-valid block arrives on top of our tip (before
/// it connects) or a single new block is announced, and for getdata MSG_CMPCT_BLOCK when the block is within
/// MAX_CMPCTBLOCK_DEPTH of a recent tip (older ones go in full: a peer that far behind has no useful pool).
/// Short ids use wtxids for peers that chose version 2. The block announced early is served from
/// <see cref="RecentCompactBlockCache"/>, which also spares reading the newest block back from disk.
/// </summary>
public sealed partial class CompactBlockSender
{
    /// <summary>MAX_CMPCTBLOCK_DEPTH.</summary>
    public const int MaxCompactBlockDepth = 5;

    private readonly IChainSource chain;
    private readonly BlockDownloadTracker tracker;
    private readonly RecentCompactBlockCache recent;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public CompactBlockSender(IChainSource chain, BlockDownloadTracker tracker, RecentCompactBlockCache recent, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(recent);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.chain = chain;
        this.tracker = tracker;
        this.recent = recent;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>
    /// The per-peer half of NewPoWValidBlock: the block left by <see cref="PowValidBlockAnnouncer"/> goes to a peer
    /// that still wants cmpctblock announcements of a version that fits, does not have the block yet and has (or
    /// was told of) its parent. It then counts as announced, so the tip announcement skips it.
    /// </summary>
    public void SendFastAnnouncement(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var state = peer.State;
        if (state.Compact.TakeFastAnnouncement() is not { } block)
        {
            return;
        }

        if (state.Version < ProtocolVersions.InvalidCompactBlockNoBan || peer.Connection.IsDisconnecting)
        {
            return;
        }

        var compact = state.Compact;
        if (!compact.PreferHeaderAndIds || (block.WitnessEnabled && !compact.WantsWitness))
        {
            return;
        }

        var header = block.Header;
        if (tracker.PeerHasHeader(peer.Id, header, state.BestHeaderSent) || header.Previous is not { } parent
            || !tracker.PeerHasHeader(peer.Id, parent, state.BestHeaderSent))
        {
            return;
        }

        LogFastAnnouncement(logger, header.HashBlock.ToString(), peer.Id);
        peer.Send(NetCommands.CmpctBlock, block.Compact, Options(peer));
        state.BestHeaderSent = header;
    }

    /// <summary>The announcement BlockAnnouncer left for this pass (the header-and-ids branch of SendMessages).</summary>
    public async ValueTask SendPendingAnnouncementAsync(PeerContext peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (peer.State.Compact.TakePendingAnnouncement() is not { } header)
        {
            return;
        }

        LogTipAnnouncement(logger, header.HashBlock.ToString(), peer.Id);

        if (recent.Find(header.HashBlock) is { } cached)
        {
            peer.Send(NetCommands.CmpctBlock, cached.For(peer.State.Compact.WantsWitness), Options(peer));
            return;
        }

        var bytes = await chain.ReadBlockAsync(header.HashBlock, cancellationToken).ConfigureAwait(false);
        if (bytes is not null)
        {
            SendCompact(peer, peer.Serializer.DeserializeBlock(bytes));
        }
    }

    /// <summary>
    /// getdata MSG_CMPCT_BLOCK for the block announced early, answered from the cache (the chain may not serve it
    /// yet: it is still being connected). False when the cache cannot answer; the caller serves it as any block.
    /// </summary>
    public bool TryServeRecent(PeerContext peer, uint256 hash)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(hash);
        if (recent.Find(hash) is not { } cached || (chain.GetAvailability(cached.Header) & BlockAvailability.Failed) != 0
            || !IsRecentEnough(cached.Header))
        {
            return false;
        }

        peer.Send(NetCommands.CmpctBlock, cached.For(peer.State.Compact.WantsWitness), Options(peer));
        return true;
    }

    /// <summary>getdata MSG_CMPCT_BLOCK for a block we serve (<paramref name="bytes"/>, with witnesses).</summary>
    public void ServeGetData(PeerContext peer, ChainedHeader? header, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(bytes);
        var block = peer.Serializer.DeserializeBlock(bytes);
        if (header is not null && IsRecentEnough(header))
        {
            SendCompact(peer, block);
        }
        else
        {
            peer.Send(NetCommands.Block, block, Options(peer));
        }
    }

    /// <summary>Witness serialization only for peers that chose compact block version 2.</summary>
    public static TransactionOptions Options(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        return peer.State.Compact.WantsWitness ? TransactionOptions.All : TransactionOptions.None;
    }

    private static void SendCompact(PeerContext peer, Block block)
    {
        var compact = HeaderAndShortIds.FromBlock(block, peer.State.Compact.WantsWitness);
        peer.Send(NetCommands.CmpctBlock, compact, Options(peer));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "PeerLogicValidation::NewPoWValidBlock sending header-and-ids {Hash} to peer={Peer}")]
    private static partial void LogFastAnnouncement(ILogger logger, string hash, long peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SendMessages sending header-and-ids {Hash} to peer={Peer}")]
    private static partial void LogTipAnnouncement(ILogger logger, string hash, long peer);

    private bool IsRecentEnough(ChainedHeader header) =>
        tracker.CanDirectFetch(time.GetUtcNow()) && header.Height >= chain.Tip.Height - MaxCompactBlockDepth;
}
