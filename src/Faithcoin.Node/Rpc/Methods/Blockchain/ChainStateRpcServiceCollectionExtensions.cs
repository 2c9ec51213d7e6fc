using Faithcoin.Node.Chain.Queries;
using Faithcoin.Node.Rpc.Formatting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>
/// The blockchain methods that need the chain state itself (ChainManager) rather than the chain view alone. They are
/// kept apart from <see cref="RpcServiceCollectionExtensions.AddBlockchainRpcMethods"/>, which also serves
/// chain views without a chain state.
/// </summary>
public static class ChainStateRpcServiceCollectionExtensions
{
    public static IServiceCollection AddChainStateBlockchainRpcMethods(this IServiceCollection services)
    {
        services.AddChainQueries();
        return services
            .AddRpcMethod<GetBlockMethod>()
            .AddRpcMethod<GetBlockHeaderMethod>()
            .AddRpcMethod<GetChainTipsMethod>()
            .AddRpcMethod<GetDifficultyMethod>()
            .AddRpcMethod<GetTxOutMethod>()
            .AddRpcMethod<GetTxOutProofMethod>()
            .AddRpcMethod<VerifyTxOutProofMethod>()
            .AddRpcMethod<GetTxOutSetInfoMethod>()
            .AddRpcMethod<InvalidateBlockMethod>()
            .AddRpcMethod<PreciousBlockMethod>()
            .AddRpcMethod<PruneBlockchainMethod>()
            .AddRpcMethod<ReconsiderBlockMethod>()
            .AddRpcMethod<VerifyChainMethod>()
            .AddRpcMethod<WaitForBlockHeightMethod>()
            .AddRpcMethod<WaitForBlockMethod>()
            .AddRpcMethod<WaitForNewBlockMethod>();
    }

    /// <summary>The read-side helpers and formatters the chain-state methods share; safe to call more than once.</summary>
    public static IServiceCollection AddChainQueries(this IServiceCollection services)
    {
        services.TryAddSingleton<TransactionJson>();
        services.TryAddSingleton<BlockJson>();
        services.TryAddSingleton<TipChangeWaiter>();
        services.TryAddSingleton<ChainTipsQuery>();
        services.TryAddSingleton<ChainVerifier>();
        services.TryAddSingleton<BlockValidityTester>();
        services.TryAddSingleton<TransactionLookup>();
        return services;
    }
}
