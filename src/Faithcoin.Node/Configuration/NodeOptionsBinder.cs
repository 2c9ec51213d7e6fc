using System.Net;
using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Configuration;

/// <summary>
/// Turns the raw settings into <see cref="NodeOptions"/>, refusing malformed values with the option, the value
/// and where it was written.
/// </summary>
public sealed class NodeOptionsBinder(OptionCatalog catalog)
{
    public NodeOptions Bind(ArgsStore args, string basePath, string configFilePath, bool configFileFound)
    {
        ArgumentNullException.ThrowIfNull(args);
        var chain = ChainParams.For(SelectChain(args));
        var dataDirectory = new DataDirectory(basePath, chain);
        var rpcPort = GetPort(args, "rpcport", chain.RpcPort);
        var unknown = new List<ArgValue>();
        var ignored = new List<ArgValue>();
        var unsupported = new List<IgnoredOption>();
        foreach (var name in args.Names.Order(StringComparer.Ordinal))
        {
            var descriptor = catalog.Find(name);
            var first = args.GetAll(name)[0];
            if (descriptor is null)
            {
                unknown.Add(first);
            }
            else if (descriptor.Support == OptionSupport.Ignored)
            {
                unsupported.Add(new IgnoredOption(first, descriptor.IgnoredBecause ?? "it is not supported"));
            }
            else if (descriptor.Support == OptionSupport.NotYetImplemented)
            {
                ignored.Add(first);
            }
        }

        var chainState = ChainStateOptionsBinder.Bind(args, chain, ignored);
        var options = new NodeOptions
        {
            Chain = chain,
            DataDirectory = dataDirectory,
            ConfigFilePath = configFilePath,
            ConfigFileFound = configFileFound,
            Server = GetBool(args, "server", true),
            PrintToConsole = GetBool(args, "printtoconsole", false),
            DebugCategories = args.GetAll("debug").Select(a => a.Value).ToArray(),
            PidFilePath = dataDirectory.ResolveInChainFolder(args.GetString("pid") ?? NodeDefaults.PidFileName),
            Port = GetPort(args, "port", chain.DefaultPort),
            Bind = args.GetAll("bind").Select(BindAddress).ToArray(),
            Rpc = new RpcServerOptions
            {
                Port = rpcPort,
                Bind = args.GetAll("rpcbind").Select(a => RpcBindAddress(a, rpcPort)).ToArray(),
                AllowIp = args.GetAll("rpcallowip").Select(AllowIp).ToArray(),
                User = args.GetString("rpcuser") ?? string.Empty,
                Password = args.GetString("rpcpassword") ?? string.Empty,
                CookieFilePath = dataDirectory.ResolveInChainFolder(args.GetString("rpccookiefile") ?? NodeDefaults.CookieFileName),
                ServerTimeout = TimeSpan.FromSeconds(GetPositiveInt(args, "rpcservertimeout", NodeDefaults.RpcServerTimeoutSeconds)),
                Auth = RpcServerOptionsBinder.Auth(args),
                Threads = RpcServerOptionsBinder.AtLeastOne(args, "rpcthreads", RpcServerOptionsBinder.DefaultThreads),
                WorkQueue = RpcServerOptionsBinder.AtLeastOne(args, "rpcworkqueue", RpcServerOptionsBinder.DefaultWorkQueue),
                Rest = GetBool(args, "rest", false),
            },
            ChainState = chainState,
            Metrics = Faithcoin.Node.Metrics.MetricsOptionsBinder.Bind(args),
            Logging = LoggingOptionsBinder.Bind(args),
            MockTime = GetMockTime(args),
            Daemon = GetBool(args, "daemon", false),
            Notify = new Notifications.NotifyCommands
            {
                BlockNotify = NonEmpty(args.GetString("blocknotify")),
                AlertNotify = NonEmpty(args.GetString("alertnotify")),
            },
            UnknownOptions = unknown,
            IgnoredOptions = ignored,
            UnsupportedOptions = unsupported,
        };
        return options with { Network = NetworkOptionsBinder.Bind(args, options, ignored) };
    }

    /// <summary>ChainNameFromCommandLine: -regtest and -testnet are exclusive; neither means main.</summary>
    public static FaithcoinChain SelectChain(ArgsStore args)
    {
        var regtest = GetBool(args, "regtest", false);
        var testnet = GetBool(args, "testnet", false);
        if (regtest && testnet)
        {
            throw new ConfigurationException("Invalid combination of -regtest and -testnet.");
        }

        return regtest ? FaithcoinChain.Regtest : testnet ? FaithcoinChain.Test : FaithcoinChain.Main;
    }

    public static bool GetBool(ArgsStore args, string name, bool defaultValue)
    {
        ArgumentNullException.ThrowIfNull(args);
        var arg = args.Get(name);
        if (arg is null)
        {
            return defaultValue;
        }

        return ArgParsing.TryParseBool(arg.Value, out var value)
            ? value
            : throw new ConfigurationException($"Invalid value for -{name}: '{arg.Value}' (expected 0 or 1) ({arg.Source})");
    }

    private static int GetPort(ArgsStore args, string name, int defaultValue)
    {
        var arg = args.Get(name);
        if (arg is null)
        {
            return defaultValue;
        }

        return ArgParsing.TryParsePort(arg.Value, out var port)
            ? port
            : throw new ConfigurationException($"Invalid port specified in -{name}: '{arg.Value}' ({arg.Source})");
    }

    private static int GetPositiveInt(ArgsStore args, string name, int defaultValue)
    {
        var arg = args.Get(name);
        if (arg is null)
        {
            return defaultValue;
        }

        return ArgParsing.TryParseInt64(arg.Value, out var value) && value is > 0 and <= int.MaxValue
            ? (int)value
            : throw new ConfigurationException($"Invalid value for -{name}: '{arg.Value}' (expected a positive number) ({arg.Source})");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static long GetMockTime(ArgsStore args)
    {
        var arg = args.Get("mocktime");
        if (arg is null)
        {
            return 0;
        }

        return ArgParsing.TryParseInt64(arg.Value, out var seconds) && seconds >= 0
            ? seconds
            : throw new ConfigurationException($"Invalid value for -mocktime: '{arg.Value}' (expected seconds since the epoch) ({arg.Source})");
    }

    private static HostPort BindAddress(ArgValue arg)
    {
        // Only the address is checked here; the P2P service owns the port default and the listener.
        if (HostPort.TryParse(arg.Value, 0, out var hostPort) && IPAddress.TryParse(hostPort!.Host, out _))
        {
            return hostPort;
        }

        throw new ConfigurationException($"Cannot resolve -bind address: '{arg.Value}' ({arg.Source})");
    }

    private static HostPort RpcBindAddress(ArgValue arg, int rpcPort)
    {
        if (HostPort.TryParse(arg.Value, rpcPort, out var hostPort)
            && (hostPort!.Host == "localhost" || IPAddress.TryParse(hostPort.Host, out _)))
        {
            return hostPort;
        }

        throw new ConfigurationException(
            $"Invalid -rpcbind address: '{arg.Value}' (expected an IP address, optionally with :port; [host]:port for IPv6) ({arg.Source})");
    }

    private static SubnetSpec AllowIp(ArgValue arg) =>
        SubnetSpec.TryParse(arg.Value, out var subnet)
            ? subnet!
            : throw new ConfigurationException(
                $"Invalid -rpcallowip subnet specification: {arg.Value}. Valid are a single IP (e.g. 1.2.3.4), a network/netmask " +
                $"(e.g. 1.2.3.4/255.255.255.0) or a network/CIDR (e.g. 1.2.3.4/24). ({arg.Source})");
}
