using System.Net;
using Faithcoin.P2P.Net;
using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P;

/// <summary>A snapshot of one peer, the material of getpeerinfo.</summary>
public sealed record PeerInfo
{
    public required long Id { get; init; }

    public required IPEndPoint RemoteEndPoint { get; init; }

    public required string AddressName { get; init; }

    public required ConnectionKind Kind { get; init; }

    public bool IsInbound => Kind == ConnectionKind.Inbound;

    public required bool IsWhitelisted { get; init; }

    public required bool HandshakeComplete { get; init; }

    public required DateTimeOffset ConnectedAt { get; init; }

    public required DateTimeOffset? LastSend { get; init; }

    public required DateTimeOffset? LastReceive { get; init; }

    public required long BytesSent { get; init; }

    public required long BytesReceived { get; init; }

    public required long SendQueueBytes { get; init; }

    public required int Version { get; init; }

    public required ServiceFlags Services { get; init; }

    public required string UserAgent { get; init; }

    public required int StartHeight { get; init; }

    public required int Misbehaviour { get; init; }

    public required TimeSpan? PingTime { get; init; }

    public required TimeSpan TimeOffset { get; init; }

    /// <summary>Blocks requested from this peer and not yet received (getpeerinfo's inflight count).</summary>
    public int BlocksInFlight { get; init; }

    /// <summary>The shortest ping round trip seen (minping).</summary>
    public TimeSpan? MinPingTime { get; init; }

    /// <summary>How long the ping in flight has been waiting for its pong (pingwait).</summary>
    public TimeSpan? PingWait { get; init; }

    /// <summary>The version message's relay flag (relaytxes).</summary>
    public bool RelayTransactions { get; init; }

    /// <summary>The height of the best header the peer is known to have, -1 if none (synced_headers).</summary>
    public int SyncedHeaders { get; init; } = -1;

    /// <summary>The height of the last block we and the peer both have, -1 if none (synced_blocks).</summary>
    public int SyncedBlocks { get; init; } = -1;

    /// <summary>Heights of the blocks requested from this peer (inflight).</summary>
    public IReadOnlyList<int> InFlightHeights { get; init; } = [];

    /// <summary>Our end of the connection (addrbind).</summary>
    public IPEndPoint? LocalEndPoint { get; init; }

    /// <summary>Bytes sent per command, header included, in ordinal order of the command.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> BytesSentPerMessage { get; init; } = [];

    /// <summary>Bytes received per command ("*other*" for unknown ones), header included.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> BytesReceivedPerMessage { get; init; } = [];
    /// <summary>addrLocal: where the peer's version says it sees us (null when it sent zeros).</summary>
    public IPEndPoint? AddressLocal { get; init; }

    /// <summary>nLastTXTime: when a transaction from this peer last entered the pool (an eviction fact; not in 0.15's getpeerinfo).</summary>
    public DateTimeOffset? LastTransactionTime { get; init; }

    /// <summary>nLastBlockTime: when a block from this peer was last new to us (an eviction fact; not in 0.15's getpeerinfo).</summary>
    public DateTimeOffset? LastBlockTime { get; init; }
}
