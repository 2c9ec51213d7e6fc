using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Wire;
using Microsoft.Extensions.Logging;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol.Sync;

/// <summary>
/// The download steps of SendMessages for one peer: start headers sync (our initial getheaders), then the
/// stall and timeout checks, then getdata for the next blocks of the window. Runs after every message from the
/// peer and on each maintenance tick.
/// </summary>
public sealed partial class BlockSyncScheduler
{
    private readonly IChainSource chain;
    private readonly BlockDownloadTracker tracker;
    private readonly P2POptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public BlockSyncScheduler(IChainSource chain, BlockDownloadTracker tracker, P2POptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.chain = chain;
        this.tracker = tracker;
        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>"Start block sync": the initial getheaders, from the parent of our best header so the answer is never empty.</summary>
    public void StartHeadersSync(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (!tracker.TryStartHeadersSync(peer.Id, time.GetUtcNow()))
        {
            return;
        }

        // Starting one back means a peer at our best header still answers with it, which tells us what it has.
        var best = chain.BestHeader;
        var start = best.Previous ?? best;
        LogInitialGetHeaders(logger, start.Height, peer.Id, peer.State.StartHeight);
        peer.SendGetHeaders(chain.GetLocator(start), uint256.Zero);
    }

    /// <summary>Stall and timeout checks, then getdata for blocks; false when the peer was disconnected.</summary>
    public bool CheckTimeoutsAndRequestBlocks(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var now = time.GetUtcNow();
        var reason = tracker.CheckTimeouts(peer.Id, now, peer.Connection.IsWhitelisted);
        if (reason is not null)
        {
            LogDisconnecting(logger, peer.Id, reason);
            peer.Connection.Disconnect(reason);
            return false;
        }

        RequestBlocks(peer, tracker.RequestBlocks(peer.Id, now));
        return true;
    }

    /// <summary>Sends getdata for blocks already marked in flight from this peer, witness-serialized when it can.</summary>
    public void RequestBlocks(PeerContext peer, IReadOnlyList<ChainedHeader> blocks)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count == 0)
        {
            return;
        }

        var type = FetchType(peer);
        var inventory = blocks.Select(b => new InventoryVector(type, b.HashBlock)).ToArray();
        LogRequesting(logger, blocks.Count, blocks[0].Height, blocks[^1].Height, peer.Id);
        peer.Send(NetCommands.GetData, new GetDataPayload(inventory));
    }

    // GetFetchFlags: ask for witness data when we use it and the peer has it.
    private InventoryType FetchType(PeerContext peer) =>
        (options.LocalServices & ServiceFlags.Witness) != 0 && peer.State.HaveWitness
            ? InventoryType.MSG_WITNESS_BLOCK
            : InventoryType.MSG_BLOCK;

    [LoggerMessage(Level = LogLevel.Debug, Message = "initial getheaders ({Height}) to peer={Peer} (startheight:{StartHeight})")]
    private static partial void LogInitialGetHeaders(ILogger logger, int height, long peer, int startHeight);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer={Peer}: {Reason}, disconnecting")]
    private static partial void LogDisconnecting(ILogger logger, long peer, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Requesting {Count} blocks ({First}..{Last}) peer={Peer}")]
    private static partial void LogRequesting(ILogger logger, int count, int first, int last, long peer);
}
