using System.Net;
using System.Net.Sockets;
using Faithcoin.P2P.Net.Socks;

namespace Faithcoin.Node.Configuration;

/// <summary>
/// -proxy, -onion, -proxyrandomize, -onlynet and -dns as 0.15's AppInitMain reads them: proxies default to
/// port 9050 and are looked up only when -dns allows; -proxy=0 / -noproxy means none, -onion=0 / -noonion
/// keeps onion unreachable even with -proxy.
/// </summary>
public static class ProxyOptionsBinder
{
    /// <summary>Tor's SOCKS port, assumed when a proxy is given without one.</summary>
    public const int DefaultProxyPort = 9050;

    public static ProxyOptions Bind(ArgsStore args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var nameLookup = NodeOptionsBinder.GetBool(args, "dns", true);
        var randomize = NodeOptionsBinder.GetBool(args, "proxyrandomize", true);
        var proxyArg = args.GetString("proxy") ?? string.Empty;
        var proxy = proxyArg is "" or "0" ? null : new SocksProxy(Lookup(proxyArg, nameLookup, "proxy"), randomize);
        var onionArg = args.GetString("onion") ?? string.Empty;
        var onionProxy = onionArg is "" or "0" ? null : new SocksProxy(Lookup(onionArg, nameLookup, "onion"), randomize);
        return new ProxyOptions
        {
            Proxy = proxy,
            OnionProxy = onionProxy,
            OnionDisabled = onionArg == "0",
            OnlyNet = OnlyNet(args),
            NameLookup = nameLookup,
        };
    }

    private static HashSet<PeerNetwork> OnlyNet(ArgsStore args)
    {
        var networks = new HashSet<PeerNetwork>();
        foreach (var arg in args.GetAll("onlynet"))
        {
            networks.Add(AddressNetwork.Parse(arg.Value)
                ?? throw new ConfigurationException($"Unknown network specified in -onlynet: '{arg.Value}' ({arg.Source})"));
        }

        return networks;
    }

    // Lookup(arg, port 9050, fNameLookup): an address, or a name resolved only when -dns allows it.
    private static IPEndPoint Lookup(string value, bool nameLookup, string option)
    {
        var error = new ConfigurationException($"Invalid -{option} address or hostname: '{value}'");
        if (!HostPort.TryParse(value, DefaultProxyPort, out var hostPort) || hostPort!.Port == 0)
        {
            throw error;
        }

        if (IPAddress.TryParse(hostPort.Host, out var literal))
        {
            return new IPEndPoint(literal, hostPort.Port);
        }

        if (!nameLookup)
        {
            throw error;
        }

        try
        {
            var found = Dns.GetHostAddresses(hostPort.Host);
            return found.Length > 0 ? new IPEndPoint(found[0], hostPort.Port) : throw error;
        }
        catch (SocketException)
        {
            throw error;
        }
    }
}
