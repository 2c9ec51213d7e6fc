using Faithcoin.Consensus.Chain;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Protocol.Sync;

/// <summary>Choosing blocks to ask a peer for: the moving window of parallel download and headers direct fetch.</summary>
public sealed partial class BlockDownloadTracker
{
    // GetAncestor costs about as much as walking ~100 parents, so the walk reads this many successors at a time.
    private const int WalkBatch = 128;

    /// <summary>
    /// The getdata (blocks) step of SendMessages: picks up to the free in-flight slots of this peer from the window
    /// past the last block we have in common with it, marks them in flight and returns them, oldest first. When
    /// nothing can be asked only because another peer holds the window's first block, that peer's stall clock starts.
    /// </summary>
    public IReadOnlyList<ChainedHeader> RequestBlocks(long peerId, DateTimeOffset now)
    {
        lock (gate)
        {
            if (!peers.TryGetValue(peerId, out var state) || !state.Ready || state.IsClient)
            {
                return [];
            }

            var free = settings.MaxBlocksInTransitPerPeer - state.BlocksInFlight.Count;
            if (free <= 0 || !(state.IsFetchCandidate(preferredDownload) || !chain.IsInitialBlockDownload))
            {
                return [];
            }

            var blocks = FindNextBlocksToDownload(state, free, out var staller);
            foreach (var header in blocks)
            {
                MarkInFlight(state, header, now);
            }

            if (state.BlocksInFlight.Count == 0 && staller is { } stallerId
                && peers.TryGetValue(stallerId, out var stalling) && stalling.StallingSince is null)
            {
                stalling.StallingSince = now;
                LogStallStarted(logger, stallerId);
            }

            return blocks;
        }
    }

    /// <summary>
    /// Headers direct fetch (ProcessMessage "headers" when our tip is recent): the blocks needed to reach
    /// <paramref name="last"/>, at most one batch and only on a short fork from the active chain, marked in
    /// flight from this peer. Empty when the parallel download should handle it instead.
    /// </summary>
    public IReadOnlyList<ChainedHeader> PlanDirectFetch(long peerId, ChainedHeader last, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(last);
        lock (gate)
        {
            var tip = chain.Tip;
            if (!peers.TryGetValue(peerId, out var state)
                || DateTimeOffset.FromUnixTimeSeconds(tip.Time) <= now - (settings.TargetSpacing * 20)
                || (chain.GetAvailability(last) & BlockAvailability.Failed) != 0
                || tip.ChainWork > last.ChainWork)
            {
                return [];
            }

            var wanted = new List<ChainedHeader>();
            var walk = last;
            while (walk is not null && !IsInActiveChain(walk) && wanted.Count <= settings.MaxBlocksInTransitPerPeer)
            {
                var availability = chain.GetAvailability(walk);
                if ((availability & BlockAvailability.HaveData) == 0
                    && !inFlight.ContainsKey(walk.HashBlock)
                    && ((availability & BlockAvailability.WitnessActive) == 0 || state.HaveWitness))
                {
                    wanted.Add(walk);
                }

                walk = walk.Previous;
            }

            if (walk is null || !IsInActiveChain(walk))
            {
                // A very large reorg while we think we are caught up: leave it to parallel download.
                LogLargeReorg(logger, last.HashBlock.ToString(), last.Height);
                return [];
            }

            var requested = new List<ChainedHeader>();
            for (var i = wanted.Count - 1; i >= 0 && state.BlocksInFlight.Count < settings.MaxBlocksInTransitPerPeer; i--)
            {
                MarkInFlight(state, wanted[i], now);
                requested.Add(wanted[i]);
            }

            return requested;
        }
    }

    /// <summary>PeerHasHeader: the peer has told us of this header, or we sent it to the peer.</summary>
    public bool PeerHasHeader(long peerId, ChainedHeader header, ChainedHeader? bestHeaderSent)
    {
        ArgumentNullException.ThrowIfNull(header);
        lock (gate)
        {
            if (peers.TryGetValue(peerId, out var state))
            {
                ProcessBlockAvailability(state);
                if (IsAncestorOf(header, state.BestKnownBlock))
                {
                    return true;
                }
            }

            return IsAncestorOf(header, bestHeaderSent);
        }
    }

    private static bool IsAncestorOf(ChainedHeader header, ChainedHeader? descendant) =>
        descendant is not null && descendant.GetAncestor(header.Height)?.HashBlock == header.HashBlock;

    private static ChainedHeader LastCommonAncestor(ChainedHeader a, ChainedHeader b)
    {
        if (a.Height > b.Height)
        {
            a = a.GetAncestor(b.Height)!;
        }
        else if (b.Height > a.Height)
        {
            b = b.GetAncestor(a.Height)!;
        }

        while (a.HashBlock != b.HashBlock && a.Previous is not null && b.Previous is not null)
        {
            a = a.Previous;
            b = b.Previous;
        }

        return a;
    }

    private bool IsInActiveChain(ChainedHeader header) => IsAncestorOf(header, chain.Tip);

    // FindNextBlocksToDownload.
    private List<ChainedHeader> FindNextBlocksToDownload(PeerDownloadState state, int count, out long? staller)
    {
        staller = null;
        var blocks = new List<ChainedHeader>(count);
        ProcessBlockAvailability(state);
        var best = state.BestKnownBlock;
        var tip = chain.Tip;
        if (best is null || best.ChainWork < tip.ChainWork || best.ChainWork < settings.MinimumChainWork)
        {
            // Nothing this peer has is interesting.
            return blocks;
        }

        // A parent of our tip is a fine first guess of the fork point; the next line corrects it either way.
        state.LastCommonBlock ??= tip.GetAncestor(Math.Min(best.Height, tip.Height))!;
        state.LastCommonBlock = LastCommonAncestor(state.LastCommonBlock, best);
        if (state.LastCommonBlock.HashBlock == best.HashBlock)
        {
            return blocks;
        }

        // One past the window, so that we notice when we would fetch if the window were one larger (a stall).
        var windowEnd = state.LastCommonBlock.Height + settings.BlockDownloadWindow;
        var maxHeight = Math.Min(best.Height, windowEnd + 1);
        long? waitingFor = null;
        var walk = state.LastCommonBlock;
        while (walk.Height < maxHeight)
        {
            var toFetch = Math.Min(maxHeight - walk.Height, Math.Max(count - blocks.Count, WalkBatch));
            var batch = new ChainedHeader[toFetch];
            walk = best.GetAncestor(walk.Height + toFetch)!;
            batch[toFetch - 1] = walk;
            for (var i = toFetch - 1; i > 0; i--)
            {
                batch[i - 1] = batch[i].Previous!;
            }

            foreach (var header in batch)
            {
                var availability = chain.GetAvailability(header);
                if ((availability & BlockAvailability.Failed) != 0)
                {
                    // The peer is on a chain we consider invalid.
                    return blocks;
                }

                if (!state.HaveWitness && (availability & BlockAvailability.WitnessActive) != 0)
                {
                    // Neither this block nor its descendants can come from this peer.
                    return blocks;
                }

                if ((availability & BlockAvailability.HaveData) != 0 || IsInActiveChain(header))
                {
                    if ((availability & BlockAvailability.ChainHasData) != 0 || IsInActiveChain(header))
                    {
                        state.LastCommonBlock = header;
                    }
                }
                else if (!inFlight.TryGetValue(header.HashBlock, out var queued))
                {
                    if (header.Height > windowEnd)
                    {
                        if (blocks.Count == 0 && waitingFor != state.PeerId)
                        {
                            staller = waitingFor;
                        }

                        return blocks;
                    }

                    blocks.Add(header);
                    if (blocks.Count == count)
                    {
                        return blocks;
                    }
                }
                else
                {
                    waitingFor ??= queued.Value.PeerId;
                }
            }
        }

        return blocks;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stall started peer={Peer}")]
    private static partial void LogStallStarted(ILogger logger, long peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Large reorg, won't direct fetch to {Hash} ({Height})")]
    private static partial void LogLargeReorg(ILogger logger, string hash, int height);
}
