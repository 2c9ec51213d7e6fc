using System.Net;
using Faithcoin.P2P;

namespace Faithcoin.Node.Configuration;

/// <summary>
/// The P2P options after 0.15's parameter interaction (InitParameterInteraction): what the P2P library runs with,
/// plus the settings it does not act on yet, kept for getnetworkinfo and the log.
/// </summary>
public sealed record NetworkSettings
{
    public P2POptions P2P { get; init; } = new();

    /// <summary>-dnsseed (0.15: on unless -connect is given); the P2P options carry it to the seeding.</summary>
    public bool DnsSeed { get; init; } = true;

    /// <summary>-discover: find our own addresses (off with -externalip, -proxy or -listen=0); P2P.AddressRelay acts on it.</summary>
    public bool Discover { get; init; } = true;

    /// <summary>-externalip: our public addresses, listed in getnetworkinfo's localaddresses.</summary>
    public IReadOnlyList<string> ExternalIp { get; init; } = [];

    /// <summary>-onlynet: the networks outbound connections may use; empty means all.</summary>
    public IReadOnlyList<string> OnlyNet { get; init; } = [];

    /// <summary>-proxy as given (P2P.Proxies holds what outbound connections use).</summary>
    public string? Proxy { get; init; }

    /// <summary>
    /// -proxyprotocol=&lt;subnet&gt; (repeatable): the sources (e.g. an ingress) whose inbound connections start with
    /// a PROXY protocol header (the same list as P2POptions.ProxyProtocolSources, which the listener acts on).
    /// </summary>
    public IReadOnlyList<IPNetwork> ProxyProtocol { get; init; } = [];

    /// <summary>DEFAULT_TOR_CONTROL.</summary>
    public const string DefaultTorControl = "127.0.0.1:9051";

    /// <summary>-listenonion (default 1, 0 with -listen=0): 0.15 would create a hidden service over Tor's control port.</summary>
    public bool ListenOnion { get; init; } = true;

    /// <summary>-torcontrol: where Tor's control port would be.</summary>
    public string TorControl { get; init; } = DefaultTorControl;

    /// <summary>-peerbloomfilters (0.15 default on): NODE_BLOOM in P2P.LocalServices, so filters are served.</summary>
    public bool PeerBloomFilters { get; init; } = true;
}
