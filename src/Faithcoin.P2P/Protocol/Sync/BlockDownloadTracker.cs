using Faithcoin.Consensus.Chain;
using Microsoft.Extensions.Logging;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Sync;

/// <summary>
/// Who is asked for which block, across all peers (0.15's mapBlocksInFlight, nSyncStarted, nPreferredDownload,
/// nPeersWithValidatedDownloads and the download half of CNodeState). One lock guards it all, as cs_main does in
/// 0.15, because choosing blocks for one peer reads every other peer's requests, and the stall rule marks
/// another peer. Nothing here sends messages; the callers turn the answers into getheaders and getdata.
/// </summary>
public sealed partial class BlockDownloadTracker
{
    private static readonly TimeSpan CloseToToday = TimeSpan.FromHours(24);

    private readonly Lock gate = new();
    private readonly IChainSource chain;
    private readonly SyncSettings settings;
    private readonly ILogger logger;
    private readonly Dictionary<long, PeerDownloadState> peers = [];
    private readonly Dictionary<uint256, LinkedListNode<QueuedBlock>> inFlight = [];
    private int syncStarted;
    private int preferredDownload;
    private int peersWithValidatedDownloads;
    private bool headersCaughtUp;

    public BlockDownloadTracker(IChainSource chain, SyncSettings settings, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        this.chain = chain;
        this.settings = settings;
        this.logger = logger;
    }

    public SyncSettings Settings => settings;

    /// <summary>Blocks requested from anyone and not yet received.</summary>
    public int BlocksInFlight
    {
        get
        {
            lock (gate)
            {
                return inFlight.Count;
            }
        }
    }

    public void AddPeer(long peerId)
    {
        lock (gate)
        {
            peers[peerId] = new PeerDownloadState(peerId);
        }
    }

    /// <summary>FinalizeNode: the peer's requests go back to the pool for others to take.</summary>
    public void RemovePeer(long peerId)
    {
        lock (gate)
        {
            if (!peers.Remove(peerId, out var state))
            {
                return;
            }

            foreach (var queued in state.BlocksInFlight)
            {
                inFlight.Remove(queued.Header.HashBlock);
            }

            syncStarted -= state.SyncStarted ? 1 : 0;
            preferredDownload -= state.PreferredDownload ? 1 : 0;
            peersWithValidatedDownloads -= state.BlocksInFlight.Count > 0 ? 1 : 0;
        }
    }

    /// <summary>The version message arrived (UpdatePreferredDownload).</summary>
    public void SetPeerServices(long peerId, bool isClient, bool isOneShot, bool haveWitness, bool preferredDownload)
    {
        lock (gate)
        {
            if (!peers.TryGetValue(peerId, out var state))
            {
                return;
            }

            this.preferredDownload -= state.PreferredDownload ? 1 : 0;
            state.IsClient = isClient;
            state.IsOneShot = isOneShot;
            state.HaveWitness = haveWitness;
            state.PreferredDownload = preferredDownload && !isOneShot && !isClient;
            state.Ready = true;
            this.preferredDownload += state.PreferredDownload ? 1 : 0;
        }
    }

    public bool IsInFlight(uint256 hash)
    {
        lock (gate)
        {
            return inFlight.ContainsKey(hash);
        }
    }

    public int InFlightFrom(long peerId)
    {
        lock (gate)
        {
            return peers.TryGetValue(peerId, out var state) ? state.BlocksInFlight.Count : 0;
        }
    }

    /// <summary>MarkBlockAsReceived: true when someone had asked for it (then it is processed even if unrequested-looking).</summary>
    public bool MarkBlockAsReceived(uint256 hash, DateTimeOffset now)
    {
        lock (gate)
        {
            return MarkReceived(hash, now);
        }
    }

    /// <summary>UpdateBlockAvailability: the peer has announced or sent the header of <paramref name="hash"/>.</summary>
    public void UpdateBlockAvailability(long peerId, uint256 hash)
    {
        lock (gate)
        {
            if (!peers.TryGetValue(peerId, out var state))
            {
                return;
            }

            ProcessBlockAvailability(state);
            var header = chain.FindHeader(hash);
            if (header is not null)
            {
                if (state.BestKnownBlock is null || header.ChainWork >= state.BestKnownBlock.ChainWork)
                {
                    state.BestKnownBlock = header;
                }
            }
            else
            {
                // Kept until the header arrives, possibly from another peer, so this one can serve the block.
                state.LastUnknownBlock = hash;
            }
        }
    }

    /// <summary>pindexBestKnownBlock, brought up to date.</summary>
    public ChainedHeader? GetBestKnownBlock(long peerId)
    {
        lock (gate)
        {
            if (!peers.TryGetValue(peerId, out var state))
            {
                return null;
            }

            ProcessBlockAvailability(state);
            return state.BestKnownBlock;
        }
    }

    /// <summary>
    /// A headers sync peer answered with less than a full message: we hold every header it has. From then on every
    /// peer we fetch from gets its getheaders (see <see cref="TryStartHeadersSync"/>).
    /// </summary>
    public void HeadersSyncCaughtUp(long peerId)
    {
        lock (gate)
        {
            if (peers.TryGetValue(peerId, out var state) && state.SyncStarted)
            {
                headersCaughtUp = true;
            }
        }
    }

    /// <summary>
    /// The "start block sync" step of SendMessages: true when this peer should get our initial getheaders now.
    /// During initial download only one peer at a time is asked, unless our best header is close to today or the
    /// sync peer has given us all its headers.
    /// </summary>
    /// <remarks>
    /// 0.15 waits only for "close to today". On a live chain that comes with the sync peer's last headers; on a
    /// chain whose tip is old (a stopped network, a regtest fixture) it never does, and every block would come
    /// from that one peer: the others, never asked, never tell us what they have. Once the sync peer is caught up
    /// the others' answers are a header or two each, and they become download sources.
    /// </remarks>
    public bool TryStartHeadersSync(long peerId, DateTimeOffset now)
    {
        lock (gate)
        {
            if (!peers.TryGetValue(peerId, out var state) || !state.Ready || state.SyncStarted || state.IsClient)
            {
                return false;
            }

            var best = chain.BestHeader;
            var bestTime = DateTimeOffset.FromUnixTimeSeconds(best.Time);
            var fetch = state.IsFetchCandidate(preferredDownload);
            if (!((syncStarted == 0 && fetch) || (headersCaughtUp && fetch) || bestTime > now - CloseToToday))
            {
                return false;
            }

            state.SyncStarted = true;
            var missing = Math.Max(0, (now - bestTime) / settings.TargetSpacing);
            state.HeadersSyncTimeout = now + settings.HeadersDownloadTimeoutBase + (settings.HeadersDownloadTimeoutPerHeader * missing);
            syncStarted++;
            return true;
        }
    }

    /// <summary>
    /// The stall and timeout checks of SendMessages; a reason means disconnect. The stall rule only fires when
    /// the download window cannot move, which in steady state (window much larger than what is missing) is never.
    /// </summary>
    public string? CheckTimeouts(long peerId, DateTimeOffset now, bool whitelisted)
    {
        lock (gate)
        {
            if (!peers.TryGetValue(peerId, out var state))
            {
                return null;
            }

            if (state.StallingSince is { } stalling && stalling < now - settings.BlockStallingTimeout)
            {
                return "stalling block download";
            }

            if (state.BlocksInFlight.First is { } first)
            {
                // Other peers' downloads share our link, so each one earns this peer more time.
                var others = peersWithValidatedDownloads - 1;
                if (now > state.DownloadingSince + settings.BlockDownloadTimeoutBase + (settings.BlockDownloadTimeoutPerPeer * others))
                {
                    return $"timeout downloading block {first.Value.Header.HashBlock}";
                }
            }

            return CheckHeadersSyncTimeout(state, now, whitelisted);
        }
    }

    private string? CheckHeadersSyncTimeout(PeerDownloadState state, DateTimeOffset now, bool whitelisted)
    {
        if (!state.SyncStarted || state.HeadersSyncTimeout == DateTimeOffset.MaxValue)
        {
            return null;
        }

        if (DateTimeOffset.FromUnixTimeSeconds(chain.BestHeader.Time) > now - CloseToToday)
        {
            // Caught up once: never time this peer out for headers again.
            state.HeadersSyncTimeout = DateTimeOffset.MaxValue;
            return null;
        }

        var othersPreferred = preferredDownload - (state.PreferredDownload ? 1 : 0);
        if (now <= state.HeadersSyncTimeout || syncStarted != 1 || othersPreferred < 1)
        {
            return null;
        }

        if (!whitelisted)
        {
            return "timeout downloading headers";
        }

        // A whitelisted peer stays, but gives up its sync role so another peer gets the getheaders.
        LogWhitelistedHeadersTimeout(logger, state.PeerId);
        state.SyncStarted = false;
        syncStarted--;
        state.HeadersSyncTimeout = DateTimeOffset.MinValue;
        return null;
    }

    private bool MarkReceived(uint256 hash, DateTimeOffset now)
    {
        if (!inFlight.Remove(hash, out var node))
        {
            return false;
        }

        var state = peers[node.Value.PeerId];
        if (state.BlocksInFlight.First == node)
        {
            // The next block's clock starts now, not when it was asked for.
            state.DownloadingSince = state.DownloadingSince > now ? state.DownloadingSince : now;
        }

        state.BlocksInFlight.Remove(node);
        if (state.BlocksInFlight.Count == 0)
        {
            peersWithValidatedDownloads--;
        }

        state.StallingSince = null;
        return true;
    }

    private void MarkInFlight(PeerDownloadState state, ChainedHeader header, DateTimeOffset now)
    {
        MarkReceived(header.HashBlock, now);
        var node = state.BlocksInFlight.AddLast(new QueuedBlock(header, state.PeerId));
        if (state.BlocksInFlight.Count == 1)
        {
            state.DownloadingSince = now;
            peersWithValidatedDownloads++;
        }

        inFlight[header.HashBlock] = node;
    }

    private void ProcessBlockAvailability(PeerDownloadState state)
    {
        if (state.LastUnknownBlock is not { } unknown)
        {
            return;
        }

        var header = chain.FindHeader(unknown);
        if (header is null)
        {
            return;
        }

        if (state.BestKnownBlock is null || header.ChainWork >= state.BestKnownBlock.ChainWork)
        {
            state.BestKnownBlock = header;
        }

        state.LastUnknownBlock = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timeout downloading headers from whitelisted peer={Peer}, not disconnecting")]
    private static partial void LogWhitelistedHeadersTimeout(ILogger logger, long peer);
}
