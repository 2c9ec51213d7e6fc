namespace Faithcoin.P2P.Net.Socks;

/// <summary>
/// -proxy, -onion, -onlynet and -dns as 0.15's init sets them up (SetProxy, SetNameProxy, SetLimited): -proxy
/// serves IPv4, IPv6, onion and names; -onion overrides it for onion (or, as -onion=0, makes onion
/// unreachable); onion is unreachable without a proxy for it. Local and private addresses have no proxy in
/// 0.15 and are dialled directly.
/// </summary>
public sealed record ProxyOptions
{
    /// <summary>SOCKS5_RECV_TIMEOUT: how long each proxy answer may take (Tor is slow to build circuits).</summary>
    public static readonly TimeSpan DefaultReceiveTimeout = TimeSpan.FromSeconds(20);

    /// <summary>-proxy: every outbound connection and name goes through it; null when not given.</summary>
    public SocksProxy? Proxy { get; init; }

    /// <summary>-onion: the proxy for onion addresses in place of -proxy.</summary>
    public SocksProxy? OnionProxy { get; init; }

    /// <summary>-onion=0 / -noonion: onion addresses are never dialled, even with -proxy.</summary>
    public bool OnionDisabled { get; init; }

    /// <summary>-onlynet values; empty means every network.</summary>
    public IReadOnlySet<PeerNetwork> OnlyNet { get; init; } = new HashSet<PeerNetwork>();

    /// <summary>-dns: names given to -connect, -addnode and -seednode may be looked up here; off, only a proxy resolves them.</summary>
    public bool NameLookup { get; init; } = true;

    /// <summary>How long each SOCKS5 answer may take; 0.15's constant, settable so tests need not wait 20 s.</summary>
    public TimeSpan ReceiveTimeout { get; init; } = DefaultReceiveTimeout;

    /// <summary>GetNameProxy: names not looked up here are handed to this proxy.</summary>
    public SocksProxy? NameProxy => Proxy;

    /// <summary>GetProxy(net): the proxy for addresses of <paramref name="network"/>, null to connect directly.</summary>
    public SocksProxy? ProxyFor(PeerNetwork network) => network switch
    {
        PeerNetwork.IPv4 or PeerNetwork.IPv6 => Proxy,
        PeerNetwork.Onion => OnionProxy ?? Proxy,
        _ => null,
    };

    /// <summary>
    /// IsLimited(net). 0.15 applies -onlynet first, then limits onion, then lets -proxy or -onion open it again, so
    /// -onlynet=ipv4 with -proxy leaves onion reachable; -onion=0 closes it last.
    /// </summary>
    public bool IsLimited(PeerNetwork network)
    {
        if (network == PeerNetwork.Onion)
        {
            return OnionDisabled || (OnionProxy ?? Proxy) is null;
        }

        return OnlyNet.Count > 0 && !OnlyNet.Contains(network);
    }

    /// <summary>IsReachable in 0.15 is simply "not limited".</summary>
    public bool IsReachable(PeerNetwork network) => !IsLimited(network);
}
