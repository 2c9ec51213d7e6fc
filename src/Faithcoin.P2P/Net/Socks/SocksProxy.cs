using System.Net;

namespace Faithcoin.P2P.Net.Socks;

/// <summary>0.15's proxyType: a SOCKS5 proxy and whether each connection through it gets its own credentials.</summary>
public sealed record SocksProxy(IPEndPoint Endpoint, bool RandomizeCredentials)
{
    /// <summary>ToStringIPPort, as getnetworkinfo shows it ("[::1]:9050" for IPv6).</summary>
    public override string ToString() => Endpoint.ToString();
}
