using System.Net;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Protocol.AddressRelay;
using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P;

/// <summary>
/// The P2P settings, named after the original daemon's options and holding its defaults. The node binds them
/// from the command line and faithcoin.conf; tests shorten the timers.
/// </summary>
public sealed record P2POptions
{
    /// <summary>-listen: accept inbound connections (0.15 turns this off by default when -connect is given).</summary>
    public bool Listen { get; init; } = true;

    /// <summary>-port: used when <see cref="Bind"/> is empty, on every interface (IPv6 and IPv4).</summary>
    public int? Port { get; init; }

    /// <summary>-bind: the addresses to listen on; port 0 picks a free port (see P2PNode.LocalEndpoints).</summary>
    public IReadOnlyList<IPEndPoint> Bind { get; init; } = [];

    /// <summary>-maxconnections: inbound and outbound together (inbound gets what the outbound slots leave).</summary>
    public int MaxConnections { get; init; } = 125;

    /// <summary>MAX_OUTBOUND_CONNECTIONS (8) plus the feeler slot are kept for outbound peers.</summary>
    public int MaxOutbound { get; init; } = 8;

    /// <summary>MAX_ADDNODE_CONNECTIONS: -addnode peers have their own slots.</summary>
    public int MaxAddNode { get; init; } = 8;

    /// <summary>
    /// -connect: null when not given (automatic outbound); otherwise connect only to these, and an empty
    /// list (-connect=0) makes no outbound connections at all.
    /// </summary>
    public IReadOnlyList<string>? Connect { get; init; }

    /// <summary>-addnode: peers to keep connected, retried on a timer.</summary>
    public IReadOnlyList<string> AddNode { get; init; } = [];

    /// <summary>-seednode: connect, ask for addresses, disconnect.</summary>
    public IReadOnlyList<string> SeedNode { get; init; } = [];

    /// <summary>-whitelist: inbound peers from these subnets are never banned and are served during initial download.</summary>
    public IReadOnlyList<IPNetwork> Whitelist { get; init; } = [];

    /// <summary>
    /// -proxyprotocol: inbound connections from these sources may start with a PROXY v1/v2 header whose source
    /// address then stands for the peer. Connections from elsewhere are never read for one.
    /// </summary>
    public IReadOnlyList<IPNetwork> ProxyProtocolSources { get; init; } = [];

    /// <summary>How long a connection from a -proxyprotocol source may take to show whether it has a header. Not an option of the original.</summary>
    public TimeSpan ProxyProtocolTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>-banscore: misbehaviour score at which a peer is disconnected and banned.</summary>
    public int BanScore { get; init; } = 100;

    /// <summary>-bantime: how long a misbehaving peer stays banned.</summary>
    public TimeSpan BanTime { get; init; } = TimeSpan.FromSeconds(86400);

    /// <summary>
    /// 0.15 disconnects misbehaving peers on 127/8 and ::1 but never bans them. Tests on loopback turn this on
    /// to see the ban; a node leaves it off.
    /// </summary>
    public bool BanLocalPeers { get; init; }

    /// <summary>-maxreceivebuffer (5000 kB × 1000): received but unprocessed bytes before reading pauses.</summary>
    public long MaxReceiveBuffer { get; init; } = 5000 * 1000;

    /// <summary>-maxsendbuffer (1000 kB × 1000): queued unsent bytes before the peer's requests stop being processed.</summary>
    public long MaxSendBuffer { get; init; } = 1000 * 1000;

    /// <summary>-timeout: TCP connect timeout for outbound connections.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromMilliseconds(5000);

    /// <summary>No traffic either way, or no completed handshake, within this long of connecting: disconnect.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>TIMEOUT_INTERVAL: no send, no receive or no pong for this long: disconnect.</summary>
    public TimeSpan InactivityTimeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>PING_INTERVAL.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long ThreadOpenAddedConnections waits before retrying -addnode peers after an attempt.</summary>
    public TimeSpan AddNodeRetryInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// BLOCK_DOWNLOAD_WINDOW (1024): how far past the last block we share with a peer blocks are fetched. A
    /// constant in 0.15; settable so tests can make the window fill (and a stall show) with a short chain.
    /// </summary>
    public int BlockDownloadWindow { get; init; } = 1024;

    /// <summary>BLOCK_STALLING_TIMEOUT (2 s): how long one peer may hold the full download window back.</summary>
    public TimeSpan BlockStallingTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many threads check a headers message's proof of work; 0 means one per core.</summary>
    public int HeaderCheckThreads { get; init; }

    /// <summary>How often timers (inactivity, ping, feefilter, download stalls) are looked at. Not an option of the original.</summary>
    public TimeSpan MaintenanceInterval { get; init; } = TimeSpan.FromSeconds(1);

    public string UserAgentName { get; init; } = "FaithcoinNet";

    public string UserAgentVersion { get; init; } = "0.1.0";

    /// <summary>-uacomment values, added to the user agent as BIP14 comments.</summary>
    public IReadOnlyList<string> UserAgentComments { get; init; } = [];

    /// <summary>
    /// The services offered. NODE_BLOOM (filterload, filteradd, mempool, merkleblocks) is left for the host to add:
    /// the node does for -peerbloomfilters (0.15's default on).
    /// </summary>
    public ServiceFlags LocalServices { get; init; } = ServiceFlags.Network | ServiceFlags.Witness;

    /// <summary>The version message's relay flag (false with -blocksonly).</summary>
    public bool RelayTransactions { get; init; } = true;

    /// <summary>
    /// INVENTORY_BROADCAST_INTERVAL: the average time between transaction announcements to an inbound peer (half
    /// for outbound peers). A constant in 0.15; settable so tests need not wait seconds.
    /// </summary>
    public TimeSpan InventoryBroadcastInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>-whitelistforcerelay: relay transactions from whitelisted peers even when the pool already has or refused them.</summary>
    public bool WhitelistForceRelay { get; init; } = true;

    /// <summary>-blockreconstructionextratxn: orphans and refused transactions kept for compact block reconstruction.</summary>
    public int BlockReconstructionExtraTxn { get; init; } = 100;

    /// <summary>-logips: peers' addresses in the connection and version log lines, as 0.15 prints them only when set.</summary>
    public bool LogIps { get; init; }

    /// <summary>-feefilter: announce our minimum fee rate to peers that understand feefilter.</summary>
    public bool FeeFilter { get; init; } = true;

    /// <summary>-minrelaytxfee in satoshis per kB; Litecoin 0.15's DEFAULT_MIN_RELAY_TX_FEE.</summary>
    public long MinRelayTxFeePerKb { get; init; } = 100000;

    /// <summary>-dnsseed: ask the chain's DNS seeds for addresses when low on them (0.15: on unless -connect is given).</summary>
    public bool DnsSeed { get; init; } = true;

    /// <summary>-forcednsseed: ask the DNS seeds even when the address manager already has addresses.</summary>
    public bool ForceDnsSeed { get; init; }

    /// <summary>
    /// How long seeding waits, when addresses are known, for two peers before asking DNS anyway (11 s in 0.15).
    /// Settable so tests need not wait.
    /// </summary>
    public TimeSpan DnsSeedDelay { get; init; } = TimeSpan.FromSeconds(11);

    /// <summary>Where peers.dat is kept between runs; null keeps the address manager in memory only.</summary>
    public string? PeersPath { get; init; }

    /// <summary>DUMP_ADDRESSES_INTERVAL: how often peers.dat is written while running.</summary>
    public TimeSpan DumpAddressesInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// 0.15's address manager keeps routable addresses only. Not an option of the original: tests on loopback
    /// turn this on so 127.0.0.1 peers can be learnt and dialled automatically.
    /// </summary>
    public bool AcceptLocalAddresses { get; init; }

    /// <summary>-proxy, -onion, -onlynet, -dns: how outbound connections reach each network.</summary>
    public Net.Socks.ProxyOptions Proxies { get; init; } = new();

    /// <summary>Address relay and self-advertisement (-externalip, -discover, the addr timers).</summary>
    public AddressRelayOptions AddressRelay { get; init; } = new();

    /// <summary>FEELER_INTERVAL: the average time between feeler connections once the outbound slots are full.</summary>
    public TimeSpan FeelerInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Where the ban list is kept between runs; null keeps it in memory only.</summary>
    public string? BanListPath { get; init; }

    public string FormatUserAgent() => UserAgent.Format(UserAgentName, UserAgentVersion, UserAgentComments);

    /// <summary>Inbound slots: what -maxconnections leaves after the outbound and feeler slots.</summary>
    public int MaxInbound => Math.Max(0, MaxConnections - (Math.Min(MaxOutbound, MaxConnections) + 1));

    /// <summary>The port listened on without -bind and assumed for peers given without one: -port, else the chain's.</summary>
    public int ListenPort(ChainParams chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return Port ?? chain.DefaultPort;
    }
}
