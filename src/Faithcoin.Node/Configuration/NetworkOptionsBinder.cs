using System.Net;
using Faithcoin.P2P;
using Faithcoin.P2P.Wire;

namespace Faithcoin.Node.Configuration;

/// <summary>
/// Binds the connection options with 0.15's defaults, checks and interactions (init.cpp): -bind/-whitebind turn
/// -listen on, -connect turns -listen and -dnsseed off, -proxy turns -listen and -discover off, -listen=0 and
/// -externalip turn -discover off; each only when the option was not given itself (SoftSetBoolArg).
/// </summary>
public static class NetworkOptionsBinder
{
    /// <summary>MAX_SUBVERSION_LENGTH.</summary>
    public const int MaxSubversionLength = 256;

    /// <summary>The banlist.dat equivalent, in the chain's folder.</summary>
    public const string BanListFileName = "banlist.json";

    /// <summary>The address manager's file, in 0.15's format.</summary>
    public const string PeersFileName = "peers.dat";

    public static NetworkSettings Bind(ArgsStore args, NodeOptions node, ICollection<ArgValue> notYetUsed)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(notYetUsed);
        var connectGiven = args.IsSet("connect");
        var proxy = args.GetString("proxy") is { Length: > 0 } p && p != "0" ? p : null;
        // IsArgSet("-proxy") in 0.15: even -noproxy turns the -listen and -discover defaults off.
        var proxyGiven = args.IsSet("proxy");
        var listenDefault = !connectGiven && !proxyGiven;
        if (args.IsSet("bind") || args.IsSet("whitebind"))
        {
            listenDefault = true;
        }

        var listen = NodeOptionsBinder.GetBool(args, "listen", listenDefault);
        var externalIp = args.GetAll("externalip").Select(a => a.Value).ToArray();
        var discover = NodeOptionsBinder.GetBool(args, "discover", listen && !proxyGiven && externalIp.Length == 0);
        var dnsSeed = NodeOptionsBinder.GetBool(args, "dnsseed", !connectGiven);
        var peerBloomFilters = NodeOptionsBinder.GetBool(args, "peerbloomfilters", true);
        var defaults = new P2POptions();
        var p2p = defaults with
        {
            Listen = listen,
            Port = node.Port,
            Bind = node.Bind.Select(b => new IPEndPoint(IPAddress.Parse(b.Host), b.Port == 0 ? node.Port : b.Port)).ToArray(),
            MaxConnections = (int)Math.Clamp(GetInt(args, "maxconnections", defaults.MaxConnections), 0, int.MaxValue),
            Connect = connectGiven ? ConnectList(args) : null,
            AddNode = args.GetAll("addnode").Select(a => a.Value).ToArray(),
            SeedNode = args.GetAll("seednode").Select(a => a.Value).ToArray(),
            Whitelist = args.GetAll("whitelist").Select(Whitelist).ToArray(),
            ProxyProtocolSources = args.GetAll("proxyprotocol").Select(ProxyProtocolSource).ToArray(),
            BanScore = (int)Math.Clamp(GetInt(args, "banscore", defaults.BanScore), 1, int.MaxValue),
            BanTime = TimeSpan.FromSeconds(Math.Clamp(GetInt(args, "bantime", (long)defaults.BanTime.TotalSeconds), 1, int.MaxValue)),
            MaxReceiveBuffer = Math.Max(1, GetInt(args, "maxreceivebuffer", defaults.MaxReceiveBuffer / 1000)) * 1000,
            MaxSendBuffer = Math.Max(1, GetInt(args, "maxsendbuffer", defaults.MaxSendBuffer / 1000)) * 1000,
            ConnectTimeout = ConnectTimeout(args, defaults.ConnectTimeout),
            UserAgentComments = UserAgentComments(args),
            BanListPath = node.DataDirectory.ResolveInChainFolder(BanListFileName),
            PeersPath = node.DataDirectory.ResolveInChainFolder(PeersFileName),
            DnsSeed = dnsSeed,
            ForceDnsSeed = NodeOptionsBinder.GetBool(args, "forcednsseed", false),
            LogIps = NodeOptionsBinder.GetBool(args, "logips", false),
            Proxies = ProxyOptionsBinder.Bind(args),
            BlockReconstructionExtraTxn = (int)Math.Clamp(GetInt(args, "blockreconstructionextratxn", defaults.BlockReconstructionExtraTxn), 0, int.MaxValue),
            AddressRelay = defaults.AddressRelay with { Discover = discover, ExternalAddresses = externalIp.Select(e => ExternalAddress(e, node.Port)).ToArray() },

            // 0.15 stops offering NODE_NETWORK in prune mode: peers cannot count on it for old blocks.
            LocalServices = (node.ChainState.PruneMode ? defaults.LocalServices & ~ServiceFlags.Network : defaults.LocalServices)
                | (peerBloomFilters ? ServiceFlags.Bloom : ServiceFlags.None),
        };
        var subversion = p2p.FormatUserAgent();
        if (subversion.Length > MaxSubversionLength)
        {
            throw new ConfigurationException(
                $"Total length of network version string ({subversion.Length}) exceeds maximum length ({MaxSubversionLength}). Reduce the number or size of uacomments.");
        }

        return new NetworkSettings
        {
            P2P = p2p,
            DnsSeed = dnsSeed,
            Discover = discover,
            ExternalIp = externalIp,
            OnlyNet = args.GetAll("onlynet").Select(a => a.Value.ToLowerInvariant()).Distinct().ToArray(),
            Proxy = proxy,
            ProxyProtocol = p2p.ProxyProtocolSources,
            PeerBloomFilters = peerBloomFilters,

            // -listen=0 soft-sets -listenonion=0 in 0.15: a hidden service for a node that does not listen is pointless.
            ListenOnion = NodeOptionsBinder.GetBool(args, "listenonion", listen),
            TorControl = args.GetString("torcontrol") ?? NetworkSettings.DefaultTorControl,
        };
    }

    // -connect=0 (or -noconnect) alone means no outbound connections at all; a "0" among other names would only fail to connect.
    private static string[] ConnectList(ArgsStore args)
    {
        var values = args.GetAll("connect").Select(a => a.Value).ToArray();
        return values is ["0"] ? [] : values.Where(v => v != "0").ToArray();
    }

    private static TimeSpan ConnectTimeout(ArgsStore args, TimeSpan defaultValue)
    {
        var ms = GetInt(args, "timeout", (long)defaultValue.TotalMilliseconds);
        return ms <= 0 ? defaultValue : TimeSpan.FromMilliseconds(ms);
    }

    private static string[] UserAgentComments(ArgsStore args)
    {
        foreach (var comment in args.GetAll("uacomment"))
        {
            // SAFE_CHARS_UA_COMMENT: no '/', ':' or parentheses, which would break the BIP14 user agent.
            if (!Faithcoin.P2P.Wire.UserAgent.IsSafeComment(comment.Value))
            {
                throw new ConfigurationException($"User Agent comment ({comment.Value}) contains unsafe characters.");
            }
        }

        return args.GetAll("uacomment").Select(a => a.Value).ToArray();
    }

    // -externalip as 0.15 looks it up (names resolved), on the listening port unless one is given.
    private static IPEndPoint ExternalAddress(string value, int port)
    {
        if (HostPort.TryParse(value, port, out var parsed) && parsed is not null)
        {
            if (IPAddress.TryParse(parsed.Host.Trim('[', ']'), out var address))
            {
                return new IPEndPoint(address, parsed.Port);
            }

            try
            {
                if (Dns.GetHostAddresses(parsed.Host) is [var first, ..])
                {
                    return new IPEndPoint(first, parsed.Port);
                }
            }
            catch (System.Net.Sockets.SocketException)
            {
            }
        }

        throw new ConfigurationException($"Cannot resolve -externalip address: '{value}'");
    }

    private static IPNetwork ProxyProtocolSource(ArgValue arg) =>
        WhitelistSubnet.TryParse(arg.Value, out var network)
            ? network
            : throw new ConfigurationException($"Invalid netmask specified in -proxyprotocol: '{arg.Value}' ({arg.Source})");

    private static IPNetwork Whitelist(ArgValue arg) =>
        WhitelistSubnet.TryParse(arg.Value, out var network)
            ? network
            : throw new ConfigurationException($"Invalid netmask specified in -whitelist: '{arg.Value}' ({arg.Source})");

    private static long GetInt(ArgsStore args, string name, long defaultValue)
    {
        var arg = args.Get(name);
        if (arg is null)
        {
            return defaultValue;
        }

        return ArgParsing.TryParseInt64(arg.Value, out var value)
            ? value
            : throw new ConfigurationException($"Invalid value for -{name}: '{arg.Value}' (expected a number) ({arg.Source})");
    }
}
