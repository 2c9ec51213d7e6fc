using Faithcoin.Node.Rpc.Formatting;
using Faithcoin.Node.Rpc.Methods.Blockchain;
using Faithcoin.Node.Rpc.Methods.Util;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>The raw transaction methods (0.15's rpc/rawtransaction.cpp).</summary>
public static class RawTransactionsRpcServiceCollectionExtensions
{
    public static IServiceCollection AddRawTransactionRpcMethods(this IServiceCollection services)
    {
        services.AddChainQueries();
        services.TryAddSingleton<TransactionJson>();
        services.TryAddSingleton<AddressDecoder>();
        services.TryAddSingleton<RawTransactionCodec>();
        services.TryAddSingleton<PrivateKeyDecoder>();
        services.TryAddSingleton<ISpendableCoinSource, MempoolSpendableCoinSource>();
        return services
            .AddRpcMethod<GetRawTransactionMethod>()
            .AddRpcMethod<CreateRawTransactionMethod>()
            .AddRpcMethod<DecodeRawTransactionMethod>()
            .AddRpcMethod<DecodeScriptMethod>()
            .AddRpcMethod<CombineRawTransactionMethod>()
            .AddRpcMethod<SignRawTransactionMethod>()
            .AddRpcMethod<SendRawTransactionMethod>();
    }
}
