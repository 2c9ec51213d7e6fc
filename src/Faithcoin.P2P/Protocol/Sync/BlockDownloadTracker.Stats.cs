namespace Faithcoin.P2P.Protocol.Sync;

/// <summary>getpeerinfo's view of one peer's download state (0.15's CNodeStateStats).</summary>
public sealed record PeerSyncStats(int SyncedHeaders, int SyncedBlocks, IReadOnlyList<int> InFlightHeights);

public sealed partial class BlockDownloadTracker
{
    /// <summary>GetNodeStateStats: best known header height, last common block height, heights in flight; null for an unknown peer.</summary>
    public PeerSyncStats? GetSyncStats(long peerId)
    {
        lock (gate)
        {
            if (!peers.TryGetValue(peerId, out var state))
            {
                return null;
            }

            ProcessBlockAvailability(state);
            return new PeerSyncStats(
                state.BestKnownBlock?.Height ?? -1,
                state.LastCommonBlock?.Height ?? -1,
                state.BlocksInFlight.Select(q => q.Header.Height).ToList());
        }
    }
}
