using Faithcoin.Node.Mining;
using Faithcoin.Node.Rpc.Methods.Blockchain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Faithcoin.Node.Rpc.Methods.Mining;

/// <summary>The mining and generating methods with the assembler, miner and template cache behind them.</summary>
public static class MiningRpcServiceCollectionExtensions
{
    public static IServiceCollection AddMiningRpcMethods(this IServiceCollection services)
    {
        services.AddChainQueries();
        services.TryAddSingleton<MiningStatistics>();
        services.TryAddSingleton<TemplateFactory>();
        services.TryAddSingleton<BlockTemplateCache>();
        services.TryAddSingleton<MiningAddressParser>();
        services.TryAddSingleton(sp => new ProofOfWorkMiner(sp.GetRequiredService<Consensus.Chain.ChainParams>()));
        return services
            .AddRpcMethod<GenerateToAddressMethod>()
            .AddRpcMethod<GetBlockTemplateMethod>()
            .AddRpcMethod<GetMiningInfoMethod>()
            .AddRpcMethod<GetNetworkHashPsMethod>()
            .AddRpcMethod<SubmitBlockMethod>();
    }
}
