using System.Net;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Net;
using Faithcoin.P2P.Peers;
using Faithcoin.P2P.Protocol;
using Faithcoin.P2P.Wire.Payloads;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P;

/// <summary>
/// The P2P side of a node, assembled: connection manager, protocol logic, timers and operator-named
/// connections. The host builds it with the chain it serves, calls <see cref="Start"/> (the port accepts when
/// it returns) and disposes it to stop.
/// </summary>
public sealed class P2PNode : IAsyncDisposable
{
    private readonly ConnectionManager connections;
    private readonly PeerLogic logic;
    private readonly PeerMaintenance maintenance;
    private readonly ManualConnections manual;
    private readonly BanListFile? banListFile;
    private readonly TimeProvider time;
    private bool started;

    public P2PNode(
        P2POptions options,
        ChainParams chain,
        IChainSource chainSource,
        ILoggerFactory loggerFactory,
        TimeProvider? time = null,
        IAddressBook? addressBook = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(chainSource);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.time = time ?? TimeProvider.System;
        AddressBook = addressBook ?? new RecentAddressBook();
        banListFile = options.BanListPath is null ? null : new BanListFile(options.BanListPath);
        var banList = new BanList();
        connections = new ConnectionManager(options, chain, banList, new Whitelist(options.Whitelist), this.time, loggerFactory);
        var serializer = new PayloadSerializer(chain.Network.Consensus.ConsensusFactory);
        var protocolLogger = loggerFactory.CreateLogger<PeerLogic>();
        var handshake = new HandshakeHandler(
            options, new VersionMessageFactory(options, chainSource, this.time), connections, this.time, protocolLogger);
        var pings = new PingHandler(options.PingInterval, options.InactivityTimeout, this.time, protocolLogger);
        IMessageHandler[] handlers =
        [
            new HeadersHandler(chainSource, protocolLogger),
            new InventoryHandler(chainSource),
            new AddressHandler(AddressBook),
            new PreferencesHandler(options),
            new BlockHandler(chainSource),
            new QuietHandler(protocolLogger),
        ];
        logic = new PeerLogic(options, connections, serializer, handshake, pings, new FeeFilterAnnouncer(options, this.time), handlers, protocolLogger);
        maintenance = new PeerMaintenance(
            connections,
            logic,
            new InactivityPolicy(options.HandshakeTimeout, options.InactivityTimeout),
            banListFile,
            options.MaintenanceInterval,
            this.time,
            loggerFactory.CreateLogger<PeerMaintenance>());
        manual = new ManualConnections(options, connections, this.time, loggerFactory.CreateLogger<ManualConnections>());
    }

    /// <summary>The addresses the listeners are bound to (real ports when port 0 was asked for).</summary>
    public IReadOnlyList<IPEndPoint> LocalEndpoints => connections.LocalEndpoints;

    public BanList BanList => connections.BanList;

    public IAddressBook AddressBook { get; }

    /// <summary>Loads the ban list, binds the listeners and starts connecting; the port accepts on return.</summary>
    public void Start()
    {
        if (started)
        {
            throw new InvalidOperationException("The P2P node is already started.");
        }

        started = true;
        banListFile?.TryLoad(connections.BanList, time.GetUtcNow());
        connections.Start(logic);
        maintenance.Start();
        manual.Start();
    }

    /// <summary>Connects to <paramref name="destination"/> once ("addnode onetry"); false when that failed or was not needed.</summary>
    public async Task<bool> ConnectAsync(string destination, CancellationToken cancellationToken = default) =>
        await connections.ConnectAsync(destination, ConnectionKind.Manual, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Bans an address for -bantime and drops its connections (setban add).</summary>
    public void Ban(IPAddress address) => connections.Ban(address, BanReason.ManuallyAdded);

    public IReadOnlyList<PeerInfo> GetPeers() => connections.Peers.Select(ToInfo).ToList();

    /// <summary>Runs one maintenance pass now (timeouts, pings, feefilter) instead of waiting for the timer.</summary>
    public Task RunMaintenanceAsync(CancellationToken cancellationToken = default) => maintenance.TickAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await manual.DisposeAsync().ConfigureAwait(false);
        await connections.DisposeAsync().ConfigureAwait(false);
        await maintenance.DisposeAsync().ConfigureAwait(false);
    }

    private PeerInfo ToInfo(PeerConnection peer)
    {
        var state = logic.GetState(peer.Id);
        return new PeerInfo
        {
            Id = peer.Id,
            RemoteEndPoint = peer.RemoteEndPoint,
            AddressName = peer.AddressName,
            Kind = peer.Kind,
            IsWhitelisted = peer.IsWhitelisted,
            HandshakeComplete = peer.HandshakeComplete,
            ConnectedAt = peer.ConnectedAt,
            LastSend = peer.LastSend,
            LastReceive = peer.LastReceive,
            BytesSent = peer.BytesSent,
            BytesReceived = peer.BytesReceived,
            SendQueueBytes = peer.SendQueueBytes,
            Version = state?.Version ?? 0,
            Services = state?.Services ?? Wire.ServiceFlags.None,
            UserAgent = state?.UserAgent ?? string.Empty,
            StartHeight = state?.StartHeight ?? -1,
            Misbehaviour = state?.Misbehaviour.Score ?? 0,
            PingTime = state?.LastPingTime,
            TimeOffset = state?.TimeOffset ?? TimeSpan.Zero,
        };
    }
}
