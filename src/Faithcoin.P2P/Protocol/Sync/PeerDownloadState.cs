using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Sync;

/// <summary>
/// One peer's part in header and block download (the download fields of 0.15's CNodeState). Only
/// <see cref="BlockDownloadTracker"/> touches it, under its lock, because the stall logic reads and writes
/// other peers' state.
/// </summary>
public sealed class PeerDownloadState
{
    public PeerDownloadState(long peerId)
    {
        PeerId = peerId;
    }

    public long PeerId { get; }

    /// <summary>Whether the version message has arrived (services known); nothing is fetched before.</summary>
    public bool Ready { get; set; }

    /// <summary>fClient: the peer does not offer NODE_NETWORK, so it serves no blocks.</summary>
    public bool IsClient { get; set; }

    public bool IsOneShot { get; set; }

    public bool HaveWitness { get; set; }

    /// <summary>fPreferredDownload: outbound or whitelisted, not one-shot, serves blocks.</summary>
    public bool PreferredDownload { get; set; }

    /// <summary>fSyncStarted: we sent this peer our initial getheaders.</summary>
    public bool SyncStarted { get; set; }

    /// <summary>nHeadersSyncTimeout; <see cref="DateTimeOffset.MaxValue"/> once caught up (never again).</summary>
    public DateTimeOffset HeadersSyncTimeout { get; set; }

    /// <summary>pindexBestKnownBlock: the most-work block we know the peer has.</summary>
    public ChainedHeader? BestKnownBlock { get; set; }

    /// <summary>hashLastUnknownBlock: an announced block whose header we did not have yet.</summary>
    public uint256? LastUnknownBlock { get; set; }

    /// <summary>pindexLastCommonBlock: the last block we and the peer both have (with data on our side).</summary>
    public ChainedHeader? LastCommonBlock { get; set; }

    /// <summary>vBlocksInFlight, oldest request first.</summary>
    public LinkedList<QueuedBlock> BlocksInFlight { get; } = new();

    /// <summary>nDownloadingSince: when the first block in flight became first.</summary>
    public DateTimeOffset DownloadingSince { get; set; }

    /// <summary>nStallingSince: when this peer started holding the download window back, or null.</summary>
    public DateTimeOffset? StallingSince { get; set; }

    /// <summary>fFetch for this peer: a preferred peer, or any block server when we have no preferred peer.</summary>
    public bool IsFetchCandidate(int preferredDownloadPeers) =>
        PreferredDownload || (preferredDownloadPeers == 0 && !IsClient && !IsOneShot);
}
