using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Protocol.Sync;
using Faithcoin.P2P.Wire;
using Microsoft.Extensions.Logging;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// The announcement steps of SendMessages: new blocks go out as headers to peers that sent sendheaders, when
/// every header connects to one the peer is known to have and there are at most MAX_BLOCKS_TO_ANNOUNCE;
/// otherwise as an inv of the newest block. Then the queued block inventory (announcements and getblocks
/// answers) is flushed, in messages of at most MAX_INV_SZ. A single new block goes to a peer in BIP152
/// high-bandwidth mode as cmpctblock (left for CompactBlockSender, which reads the block).
/// </summary>
public sealed partial class BlockAnnouncer
{
    private readonly IChainSource chain;
    private readonly BlockDownloadTracker tracker;
    private readonly ILogger logger;

    public BlockAnnouncer(IChainSource chain, BlockDownloadTracker tracker, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(logger);
        this.chain = chain;
        this.tracker = tracker;
        this.logger = logger;
    }

    public void SendAnnouncements(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var hashes = peer.State.Announcements.TakeAll();
        if (hashes.Count > 0)
        {
            Announce(peer, hashes);
        }

        FlushBlockInventory(peer);
    }

    private static void FlushBlockInventory(PeerContext peer)
    {
        var queued = peer.State.BlockInventoryToSend;
        if (queued.Count == 0)
        {
            return;
        }

        foreach (var chunk in queued.Chunk(WireLimits.MaxInventoryEntries))
        {
            peer.Send(NetCommands.Inv, new InvPayload(chunk.Select(h => new InventoryVector(InventoryType.MSG_BLOCK, h)).ToArray()));
        }

        queued.Clear();
    }

    private void Announce(PeerContext peer, IReadOnlyList<uint256> hashes)
    {
        var state = peer.State;
        var compact = state.Compact.PreferHeaderAndIds;
        var revertToInv = (!state.PreferHeaders && (!compact || hashes.Count > 1)) || hashes.Count > HeadersHandler.MaxBlocksToAnnounce;
        var headers = new List<BlockHeader>();
        ChainedHeader? bestIndex = null;
        if (!revertToInv)
        {
            revertToInv = !CollectHeaders(peer, hashes, headers, out bestIndex);
        }

        if (!revertToInv && headers.Count == 1 && compact)
        {
            // High-bandwidth peers get a single new block as cmpctblock (more means they are syncing).
            state.Compact.AnnounceAsCompactBlock(bestIndex!);
            state.BestHeaderSent = bestIndex;
            return;
        }

        revertToInv |= headers.Count > 0 && !state.PreferHeaders;
        if (!revertToInv && headers.Count > 0)
        {
            peer.Send(NetCommands.Headers, new HeadersPayload(headers.ToArray()));
            state.BestHeaderSent = bestIndex;
            return;
        }

        if (revertToInv)
        {
            // The newest hash was our tip at some point; an inv of it makes the peer ask for headers.
            var newest = chain.FindHeader(hashes[^1]);
            if (newest is null)
            {
                return;
            }

            if (!IsInActiveChain(newest))
            {
                LogNotOnMainChain(logger, newest.HashBlock.ToString(), chain.Tip.HashBlock.ToString());
            }

            if (!tracker.PeerHasHeader(peer.Id, newest, state.BestHeaderSent))
            {
                state.BlockInventoryToSend.Add(newest.HashBlock);
            }
        }
    }

    // The headers from the first one the peer lacks but can connect; false means fall back to inv.
    private bool CollectHeaders(PeerContext peer, IReadOnlyList<uint256> hashes, List<BlockHeader> headers, out ChainedHeader? bestIndex)
    {
        bestIndex = null;
        var found = false;
        foreach (var hash in hashes)
        {
            var header = chain.FindHeader(hash);
            if (header is null || !IsInActiveChain(header))
            {
                // Reorganised away from it since.
                return false;
            }

            if (bestIndex is not null && header.Previous?.HashBlock != bestIndex.HashBlock)
            {
                // Not a connected run (invalidateblock/reconsiderblock on the tip can cause that).
                return false;
            }

            bestIndex = header;
            if (found)
            {
                headers.Add(header.Header);
            }
            else if (tracker.PeerHasHeader(peer.Id, header, peer.State.BestHeaderSent))
            {
                continue;
            }
            else if (header.Previous is null || tracker.PeerHasHeader(peer.Id, header.Previous, peer.State.BestHeaderSent))
            {
                found = true;
                headers.Add(header.Header);
            }
            else
            {
                // Nothing would connect for the peer.
                return false;
            }
        }

        return true;
    }

    private bool IsInActiveChain(ChainedHeader header) => chain.Tip.GetAncestor(header.Height)?.HashBlock == header.HashBlock;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Announcing block {Hash} not on main chain (tip={Tip})")]
    private static partial void LogNotOnMainChain(ILogger logger, string hash, string tip);
}
