using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Sync;

/// <summary>What compact block handling asks of the download state (mapBlocksInFlight lookups and MarkBlockAsInFlight).</summary>
public sealed partial class BlockDownloadTracker
{
    /// <summary>Which peer a block is in flight from, or null.</summary>
    public long? InFlightPeer(uint256 hash)
    {
        lock (gate)
        {
            return inFlight.TryGetValue(hash, out var node) ? node.Value.PeerId : null;
        }
    }

    /// <summary>True when nothing but (possibly) <paramref name="hash"/> is in flight: mapBlocksInFlight.count(hash) == size().</summary>
    public bool NothingElseInFlight(uint256 hash)
    {
        lock (gate)
        {
            return inFlight.Count == (inFlight.ContainsKey(hash) ? 1 : 0);
        }
    }

    /// <summary>CanDirectFetch: our tip is at most 20 block intervals old.</summary>
    public bool CanDirectFetch(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeSeconds(chain.Tip.Time) > now - (settings.TargetSpacing * 20);

    /// <summary>
    /// The cmpctblock side of MarkBlockAsInFlight: Marked when the block is now in flight from the peer (it was not
    /// in flight and the peer has room), AlreadyFromPeer when it was in flight from this peer, Unavailable when it
    /// is in flight from someone else or the peer has too many blocks outstanding.
    /// </summary>
    public CompactFlight MarkInFlightForCompact(long peerId, ChainedHeader header, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        lock (gate)
        {
            if (!peers.TryGetValue(peerId, out var state))
            {
                return CompactFlight.Unavailable;
            }

            if (inFlight.TryGetValue(header.HashBlock, out var node))
            {
                return node.Value.PeerId == peerId ? CompactFlight.AlreadyFromPeer : CompactFlight.Unavailable;
            }

            if (state.BlocksInFlight.Count >= settings.MaxBlocksInTransitPerPeer)
            {
                return CompactFlight.Unavailable;
            }

            MarkInFlight(state, header, now);
            return CompactFlight.Marked;
        }
    }
}
