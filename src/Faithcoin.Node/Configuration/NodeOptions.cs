using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Configuration;

/// <summary>
/// The typed settings faithcoind runs with, bound and validated once at start from the command line and
/// faithcoin.conf. Features added later either extend this or bind their own options from <see cref="ArgsStore"/>.
/// </summary>
public sealed record NodeOptions
{
    public required ChainParams Chain { get; init; }

    public required DataDirectory DataDirectory { get; init; }

    public required string ConfigFilePath { get; init; }

    public required bool ConfigFileFound { get; init; }

    /// <summary>-server: run the JSON-RPC server (default on for faithcoind, as for the original daemon).</summary>
    public required bool Server { get; init; }

    public required bool PrintToConsole { get; init; }

    /// <summary>-debug categories; "1" or an empty value means all, as in the original.</summary>
    public required IReadOnlyList<string> DebugCategories { get; init; }

    public required string PidFilePath { get; init; }

    /// <summary>-port: the P2P port (kept for the P2P service).</summary>
    public required int Port { get; init; }

    /// <summary>-bind: P2P listen addresses (kept for the P2P service).</summary>
    public required IReadOnlyList<HostPort> Bind { get; init; }

    public required RpcServerOptions Rpc { get; init; }

    /// <summary>-dbcache, -par, -loadblock, -reindex, -reindex-chainstate, -checkblockindex, -assumevalid, -txindex, -prune.</summary>
    public Chain.ChainStateSettings ChainState { get; init; } = new();

    /// <summary>The connection options (-listen, -connect, -addnode, -whitelist, ...) after 0.15's interactions.</summary>
    public NetworkSettings Network { get; init; } = new();

    /// <summary>-metricsport, -metricsbind, -readyzallowibd: the operator's metrics and health endpoint.</summary>
    public Faithcoin.Node.Metrics.MetricsSettings Metrics { get; init; } = new();

    /// <summary>Names the original daemon never had; it ignored them silently, faithcoind warns in the log.</summary>
    public required IReadOnlyList<ArgValue> UnknownOptions { get; init; }

    /// <summary>Options of the original that faithcoind accepts but does not act on yet.</summary>
    public required IReadOnlyList<ArgValue> IgnoredOptions { get; init; }

    /// <summary>Wallet, ZMQ and GUI options of the original, which faithcoind never acts on.</summary>
    public IReadOnlyList<IgnoredOption> UnsupportedOptions { get; init; } = [];

    /// <summary>-debug/-debugexclude categories, line format and -shrinkdebugfile.</summary>
    public Logging.LoggingSettings Logging { get; init; } = new();

    /// <summary>-mocktime: seconds since the epoch the clock starts at, 0 for the real time.</summary>
    public long MockTime { get; init; }

    /// <summary>-daemon: detach into the background before starting.</summary>
    public bool Daemon { get; init; }

    /// <summary>-blocknotify and -alertnotify commands, null when not set.</summary>
    public Notifications.NotifyCommands Notify { get; init; } = new();

    public bool DebugEnabled => DebugCategories.Any(c => c is "1" or "" or "all");
}
