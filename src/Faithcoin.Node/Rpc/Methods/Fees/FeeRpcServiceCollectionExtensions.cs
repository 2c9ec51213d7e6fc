using Microsoft.Extensions.DependencyInjection;

namespace Faithcoin.Node.Rpc.Methods.Fees;

/// <summary>The fee estimation methods; they need a BlockPolicyEstimator in the container.</summary>
public static class FeeRpcServiceCollectionExtensions
{
    public static IServiceCollection AddFeeRpcMethods(this IServiceCollection services) =>
        services.AddRpcMethod<EstimateFeeMethod>()
            .AddRpcMethod<EstimateSmartFeeMethod>()
            .AddRpcMethod<EstimateRawFeeMethod>();
}
