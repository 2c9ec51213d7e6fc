using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Net.Eviction;
using Faithcoin.P2P.Net.ProxyProtocol;
using Faithcoin.P2P.Net.Socks;
using Faithcoin.P2P.Peers;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Net;

/// <summary>
/// The set of connections (0.15's CConnman): listeners, accepting with the inbound limit and ban check,
/// opening outbound connections by name, and the directory the protocol logic uses for nonces and bans.
/// Timers live in <see cref="PeerMaintenance"/>, the -connect/-addnode/-seednode loops in
/// <see cref="ManualConnections"/>.
/// </summary>
public sealed partial class ConnectionManager : IConnectionDirectory, IAsyncDisposable
{
    private readonly P2POptions options;
    private readonly PeerConnectionSettings settings;
    private readonly int defaultPort;
    private readonly BanList banList;
    private readonly Whitelist whitelist;
    private readonly TimeProvider time;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly OutboundDialer dialer;
    private readonly ProxyAcceptor proxyAcceptor;
    private readonly ConcurrentDictionary<long, PeerConnection> peers = new();
    private readonly PeerListeners listeners;
    private long lastPeerId;
    private long closedBytesSent;
    private long closedBytesReceived;
    private volatile bool networkActive = true;
    private INetEvents? events;

    public ConnectionManager(
        P2POptions options,
        ChainParams chain,
        BanList banList,
        Whitelist whitelist,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        PeerListeners? listeners = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(banList);
        ArgumentNullException.ThrowIfNull(whitelist);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.options = options;
        settings = new PeerConnectionSettings(chain.Magic, options.MaxReceiveBuffer, options.MaxSendBuffer);
        defaultPort = options.ListenPort(chain);
        this.banList = banList;
        this.whitelist = whitelist;
        this.time = time;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<ConnectionManager>();
        dialer = new OutboundDialer(options.Proxies, new OutboundConnector(options.ConnectTimeout), loggerFactory.CreateLogger<OutboundDialer>());
        proxyAcceptor = new ProxyAcceptor(options.ProxyProtocolSources, options.ProxyProtocolTimeout, loggerFactory.CreateLogger<ProxyAcceptor>());
        this.listeners = listeners ?? new PeerListeners(options, chain, loggerFactory);
    }

    public IReadOnlyCollection<PeerConnection> Peers => peers.Values.OrderBy(p => p.Id).ToList();

    public IReadOnlyList<IPEndPoint> LocalEndpoints => listeners.LocalEndpoints;

    public BanList BanList => banList;

    /// <summary>The node's secret SipHash seeds (keyed netgroups for eviction, address relay's choice of peers).</summary>
    public DeterministicRandomizer Randomizer { get; } = new();

    /// <summary>The port assumed for peers given without one (-port when set, else the chain's).</summary>
    public int DefaultPort => defaultPort;

    /// <summary>fNetworkActive: while false no connection is accepted or opened (setnetworkactive).</summary>
    public bool NetworkActive => networkActive;

    /// <summary>Bytes sent over every connection since start, closed ones included (getnettotals).</summary>
    public long TotalBytesSent => Interlocked.Read(ref closedBytesSent) + peers.Values.Sum(p => p.BytesSent);

    /// <summary>Bytes received over every connection since start, closed ones included (getnettotals).</summary>
    public long TotalBytesReceived => Interlocked.Read(ref closedBytesReceived) + peers.Values.Sum(p => p.BytesReceived);

    /// <summary>SetNetworkActive: turning it off drops every connection, as 0.15 does.</summary>
    public void SetNetworkActive(bool active)
    {
        networkActive = active;
        if (!active)
        {
            foreach (var peer in peers.Values)
            {
                peer.Disconnect("network disabled");
            }
        }
    }

    /// <summary>Drops the connection with this id; false when there is none.</summary>
    public bool Disconnect(long peerId)
    {
        if (!peers.TryGetValue(peerId, out var peer) || peer.IsDisconnecting)
        {
            return false;
        }

        peer.Disconnect("disconnected by request");
        return true;
    }

    /// <summary>
    /// Binds the listeners (when listening and not bound already) and admits what they accept, connections that
    /// waited for this first; the port accepts when this returns.
    /// </summary>
    public void Start(INetEvents netEvents)
    {
        ArgumentNullException.ThrowIfNull(netEvents);
        events = netEvents;
        listeners.Bind();
        listeners.Attach(OnAccepted);
    }

    /// <summary>
    /// OpenNetworkConnection for a named destination: skipped when a peer of that name or address is already
    /// connected; null when the connection could not be made.
    /// </summary>
    public async Task<PeerConnection?> ConnectAsync(string destination, ConnectionKind kind, CancellationToken cancellationToken)
    {
        var netEvents = events ?? throw new InvalidOperationException("Start the connection manager first.");
        if (!networkActive || FindByName(destination) is not null)
        {
            return null;
        }

        var endpoint = PeerEndpoint.Parse(destination, defaultPort);
        var dialed = await dialer.DialAsync(endpoint, c => FindByEndpoint(c) is not null, cancellationToken).ConfigureAwait(false);
        if (dialed is null)
        {
            LogConnectFailed(logger, destination, "no answer");
            return null;
        }

        return Register(dialed.Socket, kind, destination, whitelisted: false, netEvents, dialed.Remote);
    }

    public int CountOf(ConnectionKind kind) => peers.Values.Count(p => p.Kind == kind && !p.IsDisconnecting);

    public PeerConnection? FindByName(string addressName) =>
        peers.Values.FirstOrDefault(p => !p.IsDisconnecting && string.Equals(p.AddressName, addressName, StringComparison.OrdinalIgnoreCase));

    public bool CheckIncomingNonce(ulong nonce) =>
        !peers.Values.Any(p => !p.IsInbound && !p.HandshakeComplete && p.LocalNonce == nonce);

    public void Ban(IPAddress address, BanReason reason)
    {
        ArgumentNullException.ThrowIfNull(address);
        var now = time.GetUtcNow();
        Ban(AddressClass.SingleHost(address), now + options.BanTime, reason);
    }

    /// <summary>Bans <paramref name="subnet"/> until <paramref name="until"/> and drops the connections inside it.</summary>
    public void Ban(IPNetwork subnet, DateTimeOffset until, BanReason reason)
    {
        banList.Ban(subnet, time.GetUtcNow(), until, reason);
        foreach (var peer in peers.Values.Where(p => subnet.Contains(p.RemoteAddress)))
        {
            peer.Disconnect("banned");
        }
    }

    /// <summary>Closes the listeners and every connection, and waits for them to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        await listeners.DisposeAsync().ConfigureAwait(false);
        await proxyAcceptor.DisposeAsync().ConfigureAwait(false);
        var closing = peers.Values.ToList();
        foreach (var peer in closing)
        {
            peer.Disconnect("shutting down");
        }

        await Task.WhenAll(closing.Select(p => p.Completion)).ConfigureAwait(false);
    }

    private PeerConnection? FindByEndpoint(IPEndPoint endpoint) =>
        peers.Values.FirstOrDefault(p => !p.IsDisconnecting
            && p.RemoteAddress.Equals(AddressClass.Normalize(endpoint.Address))
            && p.RemoteEndPoint.Port == endpoint.Port);

    // AcceptConnection, never waiting (the listener calls it inline). A -proxyprotocol source's header is read
    // first, off the listener's loop; Admit's checks then see the address the header carries.
    private void OnAccepted(Socket socket)
    {
        if (!proxyAcceptor.TryAccept(socket, Admit))
        {
            Admit(socket, (IPEndPoint)socket.RemoteEndPoint!, default);
        }
    }

    private void Admit(Socket socket, IPEndPoint remote, ReadOnlyMemory<byte> initialBytes)
    {
        var address = AddressClass.Normalize(remote.Address);
        var whitelisted = whitelist.Contains(address);
        if (!networkActive)
        {
            LogDropped(logger, remote, "not accepting new connections");
            socket.Dispose();
            return;
        }

        if (!whitelisted && banList.IsBanned(address, time.GetUtcNow()))
        {
            LogDropped(logger, remote, "banned");
            socket.Dispose();
            return;
        }

        if (CountOf(ConnectionKind.Inbound) >= options.MaxInbound && !new InboundEvictor(Randomizer).TryEvict(peers.Values))
        {
            LogDropped(logger, remote, "full, no eviction candidate");
            socket.Dispose();
            return;
        }

        var endpoint = new IPEndPoint(address, remote.Port);
        Register(socket, ConnectionKind.Inbound, endpoint.ToString(), whitelisted, events!, endpoint, initialBytes);
    }

    private PeerConnection Register(Socket socket, ConnectionKind kind, string name, bool whitelisted, INetEvents netEvents, IPEndPoint? remote = null, ReadOnlyMemory<byte> initialBytes = default)
    {
        var id = Interlocked.Increment(ref lastPeerId);
        var peer = new PeerConnection(
            id, socket, kind, name, whitelisted, settings, netEvents, time, loggerFactory.CreateLogger<PeerConnection>(), remote, initialBytes);
        peers[id] = peer;
        if (options.LogIps)
        {
            LogConnectedWithAddress(logger, peer.RemoteEndPoint, id);
        }
        else
        {
            LogConnected(logger, id);
        }

        peer.Completion.ContinueWith(
            _ =>
            {
                if (peers.TryRemove(id, out PeerConnection? _))
                {
                    Interlocked.Add(ref closedBytesSent, peer.BytesSent);
                    Interlocked.Add(ref closedBytesReceived, peer.BytesReceived);
                }
            },
            TaskScheduler.Default);
        _ = peer.StartAsync();
        return peer;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "connection from {Endpoint} dropped ({Reason})")]
    private static partial void LogDropped(ILogger logger, IPEndPoint endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Added connection to {Endpoint} peer={Peer}")]
    private static partial void LogConnectedWithAddress(ILogger logger, IPEndPoint endpoint, long peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Added connection peer={Peer}")]
    private static partial void LogConnected(ILogger logger, long peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "connection to {Destination} failed: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string destination, string reason);
}
