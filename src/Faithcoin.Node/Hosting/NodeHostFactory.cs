using Faithcoin.Node.Chain;
using Faithcoin.Node.ChainView;
using Faithcoin.Node.Configuration;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Mempool.FeeEstimation;
using Faithcoin.Node.Logging;
using Faithcoin.Node.Networking;
using Faithcoin.Node.Notifications;
using Faithcoin.Node.Rest;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Rpc.Methods.Blockchain;
using Faithcoin.Node.Rpc.Methods.Control;
using Faithcoin.Node.Rpc.Methods.Mining;
using Faithcoin.Node.Rpc.Methods.Networking;
using Faithcoin.Node.Rpc.Methods.RawTransactions;
using Faithcoin.P2P.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace Faithcoin.Node.Hosting;

/// <summary>
/// Composes the daemon: services start in registration order (RPC server, then start-up) and stop in
/// reverse. The chain state (ChainManager, also the RPC methods' IChainView) is a singleton the container disposes
/// last, which flushes it. Later features (P2P, mempool) register their services here.
/// </summary>
public static class NodeHostFactory
{
    // Well inside Kubernetes' 30-second grace period.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    /// <param name="peerListeners">The P2P listeners, bound by the caller before the chain loads; the P2P node takes them over.</param>
    public static IHost Build(
        NodeOptions options, ArgsStore args, Serilog.ILogger logger, NodeClock clock, DebugCategories debugCategories, PeerListeners peerListeners)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = options.DataDirectory.ChainPath,
        });
        var services = builder.Services;
        services.AddSerilog(logger, dispose: false);
        services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        services.AddSingleton(options);
        services.AddSingleton(options.Chain);
        services.AddSingleton(args);
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(debugCategories);

        // Created now, not on the first `uptime` call, so it measures from start-up.
        services.AddSingleton(new NodeUptime(clock));
        services.AddSingleton<IShutdownRequester, HostShutdownRequester>();
        services.AddSingleton(options.ChainState);
        services.AddSingleton<ChainLog>();
        services.AddNetworkCore();
        services.AddSingleton(options.Network.P2P);
        services.AddSingleton<ChainEvents>();
        services.AddSingleton(sp => new ChainManager(
            options.Chain,
            options.ChainState,
            sp.GetRequiredService<ChainEvents>(),
            sp.GetRequiredService<ChainLog>(),
            clock,
            options.DataDirectory.ChainPath,
            forkWarnings: sp.GetRequiredService<ForkWarningMonitor>()));
        services.AddSingleton<IChainView>(sp => sp.GetRequiredService<ChainManager>());
        services.AddSingleton<BlockImporter>();

        services.AddRpcCore();
        services.AddControlRpcMethods();
        services.AddBlockchainRpcMethods();
        services.AddChainStateBlockchainRpcMethods();
        services.AddMiningRpcMethods();
        services.AddRawTransactionRpcMethods();
        services.AddUtilRpcMethods();
        services.AddNetworkRpcMethods();
        services.AddFeeEstimation(options.DataDirectory.ChainPath);
        services.AddMempool(MempoolServiceCollectionExtensions.BindPolicy(options.Chain, args));
        services.AddSingleton(BindOrFail(() => Mining.BlockAssemblerOptionsBinder.Bind(args, options.Chain)));
        services.AddSingleton(BindOrFail(() => Rpc.Formatting.RpcSerialization.FromArgs(args)));
        services.AddRpcMethod<LoggingMethod>();
        services.AddRpcMethod<SetMockTimeMethod>();
        services.AddSingleton(options.Notify);
        services.AddSingleton<ShellCommandRunner>();
        services.AddSingleton<IChainNotifications, BlockNotifier>();
        services.AddSingleton<NodeWarnings>();
        services.AddSingleton<ForkWarningMonitor>();
        services.AddSingleton<IChainNotifications, UnknownRulesMonitor>();
        if (options.Server)
        {
            services.AddRpcHttpServer();
            services.AddRest();
        }

        Metrics.MetricsServiceCollectionExtensions.AddNodeMetrics(services, options.Metrics);
        services.AddHostedService<NativeHeapTrimmer>();
        services.AddHostedService<NodeStartupService>();
        Indexes.TransactionIndexServiceCollectionExtensions.AddTransactionIndex(services, options.ChainState, options.DataDirectory.ChainPath);
        services.AddMempoolPersistence();

        // After start-up (the chain is loaded), so stopped before it (no peer block once the chain flushes).
        services.AddNetworkHost(peerListeners);

        // Last of all, as 0.15's SetRPCWarmupFinished: RPC is fully usable once it stops answering -28.
        services.AddHostedService<RpcWarmupFinisher>();
        return builder.Build();
    }

    /// <summary>A configuration error found while composing stops the start like the others: "Error: ..." and exit 1.</summary>
    private static T BindOrFail<T>(Func<T> bind)
    {
        try
        {
            return bind();
        }
        catch (ConfigurationException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }
}
