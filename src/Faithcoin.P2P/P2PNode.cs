using System.Net;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Net;
using Faithcoin.P2P.Peers;
using Faithcoin.P2P.Protocol;
using Faithcoin.P2P.Protocol.Bloom;
using Faithcoin.P2P.Protocol.Compact;
using Faithcoin.P2P.Protocol.AddressRelay;
using Faithcoin.P2P.Protocol.Relay;
using Faithcoin.P2P.Protocol.Sync;
using Faithcoin.P2P.Wire.Payloads;
using Microsoft.Extensions.Logging;
using NBitcoin;

namespace Faithcoin.P2P;

/// <summary>
/// The P2P side of a node, assembled: connection manager, protocol logic, timers and operator-named
/// connections. The host builds it with the chain it serves, calls <see cref="Start"/> (the port accepts when
/// it returns) and disposes it to stop. Chain changes come in through <see cref="UpdatedBlockTip"/>. A host that
/// must accept before its chain is loaded binds <see cref="PeerListeners"/> itself and passes them in: the
/// connections they accepted meanwhile are admitted, and their handshakes answered, by <see cref="Start"/>.
/// </summary>
public sealed partial class P2PNode : IAsyncDisposable
{
    /// <summary>MAX_BLOCKS_TO_ANNOUNCE: a reorg longer than this is announced by its newest blocks only.</summary>
    private const int MaxBlocksToAnnounce = 8;

    private readonly ConnectionManager connections;
    private readonly PeerLogic logic;
    private readonly TransactionRelay relay;
    private readonly PowValidBlockAnnouncer powValidAnnouncer;
    private readonly PeerMaintenance maintenance;
    private readonly ManualConnections manual;
    private readonly AutomaticConnections automatic;
    private readonly DnsSeeding dnsSeeding;
    private readonly AddressDump? addressDump;
    private readonly BanListFile? banListFile;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private bool started;

    public P2PNode(
        P2POptions options,
        ChainParams chain,
        IChainSource chainSource,
        ILoggerFactory loggerFactory,
        TimeProvider? time = null,
        AddressManager? addresses = null,
        ITransactionSink? transactions = null,
        Random? random = null,
        IDnsResolver? dnsResolver = null,
        PeerListeners? listeners = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(chainSource);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.time = time ?? TimeProvider.System;
        Addresses = addresses ?? new AddressManager(this.time) { AcceptLocalAddresses = options.AcceptLocalAddresses };
        banListFile = options.BanListPath is null ? null : new BanListFile(options.BanListPath);
        var banList = new BanList();
        connections = new ConnectionManager(options, chain, banList, new Whitelist(options.Whitelist), this.time, loggerFactory, listeners);
        var serializer = new PayloadSerializer(chain.Network.Consensus.ConsensusFactory);
        var protocolLogger = loggerFactory.CreateLogger<PeerLogic>();
        var handshake = new HandshakeHandler(
            options, new VersionMessageFactory(options, chainSource, this.time), connections, Addresses, this.time, protocolLogger);
        var pings = new PingHandler(options.PingInterval, options.InactivityTimeout, this.time, protocolLogger);
        logger = loggerFactory.CreateLogger<P2PNode>();
        var syncLogger = loggerFactory.CreateLogger<BlockSyncScheduler>();
        Downloads = new BlockDownloadTracker(chainSource, SyncSettings.For(chain, options), syncLogger);
        var scheduler = new BlockSyncScheduler(chainSource, Downloads, options, this.time, syncLogger);
        var proofOfWork = new HeaderProofOfWork(
            chain.Consensus, options.HeaderCheckThreads > 0 ? options.HeaderCheckThreads : Environment.ProcessorCount);
        var peerTable = new PeerTable();
        var poisson = new PoissonDelay(new Random());
        LocalAddresses = new LocalAddresses(options.AddressRelay.Discover);
        foreach (var external in options.AddressRelay.ExternalAddresses)
        {
            LocalAddresses.Add(external, LocalAddresses.ManualScore);
        }

        var addressRelayer = new AddressRelayer(peerTable, connections.Randomizer, this.time, new Random());
        relay = new TransactionRelay(
            peerTable,
            transactions ?? new NoMempool(),
            new RecentRejects(chainSource),
            new TransactionRequestSchedule(),
            new RelayMemory(),
            options,
            this.time);
        var headersHandler = new HeadersHandler(chainSource, proofOfWork, Downloads, scheduler, this.time, protocolLogger);
        var recentCompact = new RecentCompactBlockCache();
        powValidAnnouncer = new PowValidBlockAnnouncer(chainSource, recentCompact, peerTable);
        var compactSender = new CompactBlockSender(chainSource, Downloads, recentCompact, this.time, protocolLogger);
        var compactAcceptor = new CompactBlockAcceptor(chainSource, Downloads, new HighBandwidthPeers(peerTable, options));
        IMessageHandler[] handlers =
        [
            headersHandler,
            new InventoryHandler(chainSource, Downloads, relay, options, compactSender),
            new GetBlocksHandler(chainSource),
            new AddressHandler(Addresses, addressRelayer, this.time),
            new PreferencesHandler(options),
            new BlockHandler(chainSource, Downloads, this.time, compactAcceptor),
            new CompactBlockReceiver(
                chainSource, proofOfWork, Downloads, headersHandler, relay, compactAcceptor, options, this.time, protocolLogger),
            new BlockTransactionsServer(chainSource, recentCompact, protocolLogger),
            new TransactionHandler(relay, options, protocolLogger),
            new BloomFilterHandler(options),
            new QuietHandler(protocolLogger),
        ];
        logic = new PeerLogic(
            options,
            new PeerPunishment(options, connections, protocolLogger),
            serializer,
            handshake,
            pings,
            new FeeFilterAnnouncer(options, this.time),
            Downloads,
            scheduler,
            new BlockAnnouncer(chainSource, Downloads, protocolLogger),
            compactSender,
            new TransactionAnnouncer(relay, options, this.time, new PoissonDelay(random ?? new Random())),
            new AddressAnnouncer(options, LocalAddresses, chainSource, addressRelayer, poisson, this.time, connections.DefaultPort),
            peerTable,
            handlers,
            protocolLogger);
        maintenance = new PeerMaintenance(
            connections,
            logic,
            new InactivityPolicy(options.HandshakeTimeout, options.InactivityTimeout),
            banListFile,
            options.MaintenanceInterval,
            this.time,
            loggerFactory.CreateLogger<PeerMaintenance>());
        manual = new ManualConnections(options, connections, this.time, loggerFactory.CreateLogger<ManualConnections>());
        // The chain parameters carry no fixed seeds (pnSeed6) yet, so the fallback has nothing to add.
        automatic = new AutomaticConnections(
            options, connections, Addresses, this.time, loggerFactory.CreateLogger<AutomaticConnections>(), feelers: new FeelerSchedule(options.FeelerInterval, new Random(), this.time));
        dnsSeeding = new DnsSeeding(
            options,
            chain.DnsSeeds,
            connections,
            Addresses,
            dnsResolver ?? new SystemDnsResolver(),
            this.time,
            new Random(),
            loggerFactory.CreateLogger<DnsSeeding>());
        if (options.PeersPath is not null)
        {
            var peersLogger = loggerFactory.CreateLogger<PeersFile>();
            addressDump = new AddressDump(
                new PeersFile(options.PeersPath, chain.MessageStart.ToArray(), peersLogger), Addresses, options.DumpAddressesInterval, this.time, peersLogger);
        }
    }

    /// <summary>The addresses the listeners are bound to (real ports when port 0 was asked for).</summary>
    public IReadOnlyList<IPEndPoint> LocalEndpoints => connections.LocalEndpoints;

    public BanList BanList => connections.BanList;

    /// <summary>The address manager: what addr messages and DNS seeds taught us, where outbound peers come from.</summary>
    public AddressManager Addresses { get; }

    /// <summary>Our own addresses as we would advertise them (mapLocalHost: -externalip, discovered), with scores.</summary>
    public LocalAddresses LocalAddresses { get; }

    /// <summary>Blocks in flight per peer and the sync state (for getpeerinfo and tests).</summary>
    public BlockDownloadTracker Downloads { get; }

    /// <summary>
    /// Loads the ban list, binds the listeners (unless bound before) and admits the connections that waited, and starts
    /// connecting; the port accepts on return.
    /// </summary>
    public void Start()
    {
        if (started)
        {
            throw new InvalidOperationException("The P2P node is already started.");
        }

        started = true;
        banListFile?.TryLoad(connections.BanList, time.GetUtcNow());
        addressDump?.Start();
        connections.Start(logic);
        LocalAddresses.AddInterfaceAddresses(connections.DefaultPort);
        foreach (var bound in connections.LocalEndpoints)
        {
            LocalAddresses.Add(bound, LocalAddresses.BindScore);
        }
        maintenance.Start();
        manual.Start();
        automatic.Start();
        dnsSeeding.Start();
    }

    /// <summary>Connects to <paramref name="destination"/> once ("addnode onetry"); false when that failed or was not needed.</summary>
    public async Task<bool> ConnectAsync(string destination, CancellationToken cancellationToken = default) =>
        await connections.ConnectAsync(destination, ConnectionKind.Manual, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Bans an address for -bantime and drops its connections (setban add).</summary>
    public void Ban(IPAddress address) => connections.Ban(address, BanReason.ManuallyAdded);

    public IReadOnlyList<PeerInfo> GetPeers() => connections.Peers.Select(ToInfo).ToList();

    /// <summary>
    /// The chain's UpdatedBlockTip notification (Core's PeerLogicValidation::UpdatedBlockTip): outside initial
    /// download, the blocks from <paramref name="forkPoint"/> (exclusive) to <paramref name="newTip"/>, at most
    /// eight, are queued for announcement and every peer's SendMessages runs at once, so a new block goes out
    /// without waiting for the maintenance timer. Returns at once; safe from the chain's notification thread.
    /// </summary>
    public void UpdatedBlockTip(ChainedHeader newTip, ChainedHeader? forkPoint, bool initialDownload)
    {
        ArgumentNullException.ThrowIfNull(newTip);
        if (initialDownload)
        {
            return;
        }

        var hashes = new List<uint256>();
        for (var walk = newTip; walk is not null && walk.HashBlock != forkPoint?.HashBlock; walk = walk.Previous)
        {
            hashes.Add(walk.HashBlock);
            if (hashes.Count == MaxBlocksToAnnounce)
            {
                break;
            }
        }

        hashes.Reverse();
        logic.QueueBlockAnnouncements(hashes, newTip.Height);
        _ = Task.Run(() => WakePeersAsync(connections.Peers));
    }

    /// <summary>
    /// The chain's NewPoWValidBlock notification (Core's PeerLogicValidation::NewPoWValidBlock), for a new block
    /// on top of the tip that passed its checks and is about to be connected; the node raises it only outside
    /// initial download. The block is cached in compact form and high-bandwidth peers that fit get it as
    /// cmpctblock at once (their SendMessages pass is woken), before it is connected; getdata MSG_CMPCT_BLOCK,
    /// getblocktxn and the later tip announcement use the cache. Returns at once; safe from the chain's thread.
    /// </summary>
    public void NewPoWValidBlock(ChainedHeader header, Block block)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(block);
        var woken = powValidAnnouncer.NewPoWValidBlock(header, block);
        if (woken.Count > 0)
        {
            _ = Task.Run(() => WakePeersAsync(connections.Peers.Where(p => woken.Contains(p.Id))));
        }
    }

    /// <summary>
    /// RelayTransaction for a transaction the node put into its pool itself (sendrawtransaction): every connected
    /// peer that wants transactions and does not know it hears of it at its next trickle.
    /// </summary>
    public void RelayTransaction(uint256 txid)
    {
        ArgumentNullException.ThrowIfNull(txid);
        relay.Relay(txid);
    }

    /// <summary>Runs one maintenance pass now (timeouts, pings, feefilter) instead of waiting for the timer.</summary>
    public Task RunMaintenanceAsync(CancellationToken cancellationToken = default) => maintenance.TickAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await dnsSeeding.DisposeAsync().ConfigureAwait(false);
        await automatic.DisposeAsync().ConfigureAwait(false);
        await manual.DisposeAsync().ConfigureAwait(false);
        await connections.DisposeAsync().ConfigureAwait(false);
        await maintenance.DisposeAsync().ConfigureAwait(false);

        // Last, so the times refreshed as the connections closed are written too.
        if (addressDump is not null)
        {
            await addressDump.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task WakePeersAsync(IEnumerable<PeerConnection> peers)
    {
        foreach (var peer in peers)
        {
            try
            {
                await logic.SendMessagesAsync(peer, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failed wake-up only delays the announcement to the next maintenance tick.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogWakeFailed(logger, peer.Id, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "announcing to peer={Peer} failed")]
    private static partial void LogWakeFailed(ILogger logger, long peer, Exception exception);

    private PeerInfo ToInfo(PeerConnection peer)
    {
        var state = logic.GetState(peer.Id);
        var stats = Downloads.GetSyncStats(peer.Id);
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
            BlocksInFlight = Downloads.InFlightFrom(peer.Id),
            MinPingTime = state?.MinPingTime,
            PingWait = state is { PingNonceSent: not 0, PingStart: { } started } ? time.GetUtcNow() - started : null,
            RelayTransactions = state?.RelayTransactions ?? false,
            SyncedHeaders = stats?.SyncedHeaders ?? -1,
            SyncedBlocks = stats?.SyncedBlocks ?? -1,
            InFlightHeights = stats?.InFlightHeights ?? [],
            LocalEndPoint = peer.LocalEndPoint,
            BytesSentPerMessage = peer.MessageBytes.Sent(),
            BytesReceivedPerMessage = peer.MessageBytes.Received(),
            AddressLocal = state?.Addresses.SeenAs,
            LastTransactionTime = peer.Activity.LastTransactionTime,
            LastBlockTime = peer.Activity.LastBlockTime,
        };
    }
}
