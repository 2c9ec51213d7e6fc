using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Configuration;
using Faithcoin.Node.Mempool.FeeEstimation;
using Faithcoin.Node.Mempool.Policy;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Rpc.Methods.Mempool;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Mempool;

/// <summary>The pool, its acceptance, chain sync, persistence and RPC methods.</summary>
public static class MempoolServiceCollectionExtensions
{
    /// <summary>Reads the relay policy options; a malformed one stops the start with 0.15's message.</summary>
    public static PolicySettings BindPolicy(ChainParams chain, ArgsStore args, ILogger? logger = null)
    {
        var warnings = new List<string>();
        try
        {
            var settings = new PolicySettingsBinder(chain).Bind(args, warnings);
            foreach (var warning in warnings)
            {
                logger?.LogWarning("{Warning}", warning);
            }

            return settings;
        }
        catch (ConfigurationException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }

    public static IServiceCollection AddMempool(this IServiceCollection services, PolicySettings policy)
    {
        services.AddSingleton(policy);
        services.TryAddSingleton<BlockPolicyEstimator>();
        services.AddSingleton<IMempoolObserver, FeeEstimatorObserver>();
        services.AddSingleton<TransactionPool>();
        services.AddSingleton<IMempoolView>(sp => sp.GetRequiredService<TransactionPool>());
        services.AddSingleton(sp => new OrphanPool(policy, sp.GetRequiredService<TimeProvider>(), new Random()));
        services.AddSingleton<MempoolAcceptor>();
        services.AddSingleton<MempoolChainSync>();
        services.AddSingleton<MempoolTransactionSink>();
        services.AddHostedService(sp => sp.GetRequiredService<MempoolChainSync>());
        services.AddRpcMethod<GetMempoolInfoMethod>();
        services.AddRpcMethod<GetRawMempoolMethod>();
        services.AddRpcMethod<GetMempoolEntryMethod>();
        services.AddRpcMethod<GetMempoolAncestorsMethod>();
        services.AddRpcMethod<GetMempoolDescendantsMethod>();
        services.AddRpcMethod<PrioritiseTransactionMethod>();
        return services;
    }

    /// <summary>mempool.dat loading and saving; register after the start-up service so it stops first.</summary>
    public static IServiceCollection AddMempoolPersistence(this IServiceCollection services)
    {
        services.AddSingleton<MempoolPersistenceService>();
        return services.AddHostedService(sp => sp.GetRequiredService<MempoolPersistenceService>());
    }
}
