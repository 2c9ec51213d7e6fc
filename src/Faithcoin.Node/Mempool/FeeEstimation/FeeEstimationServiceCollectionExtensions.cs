using Faithcoin.Node.Rpc.Methods.Fees;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>Registration of the fee estimator singleton, its fee_estimates.dat service and the fee RPC methods.</summary>
public static class FeeEstimationServiceCollectionExtensions
{
    /// <param name="chainPath">The chain's data folder, where fee_estimates.dat lives.</param>
    public static IServiceCollection AddFeeEstimation(this IServiceCollection services, string chainPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(chainPath);
        services.TryAddSingleton<BlockPolicyEstimator>();
        services.AddHostedService(sp => new FeeEstimationHostedService(
            sp.GetRequiredService<BlockPolicyEstimator>(),
            Path.Combine(chainPath, FeeEstimatesFile.FileName),
            sp.GetRequiredService<ILogger<FeeEstimationHostedService>>()));
        return services.AddFeeRpcMethods();
    }
}
