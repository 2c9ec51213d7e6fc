using Faithcoin.Node.Rpc.Methods.Blockchain;
using Microsoft.Extensions.DependencyInjection;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>The raw transaction methods (only getrawtransaction so far).</summary>
public static class RawTransactionsRpcServiceCollectionExtensions
{
    public static IServiceCollection AddRawTransactionRpcMethods(this IServiceCollection services)
    {
        services.AddChainQueries();
        return services.AddRpcMethod<GetRawTransactionMethod>();
    }
}
