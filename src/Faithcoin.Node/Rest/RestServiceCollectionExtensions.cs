using Faithcoin.Node.Chain.Queries;
using Faithcoin.Node.Rpc.Formatting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Faithcoin.Node.Rest;

/// <summary>Registration of the REST endpoints; the HTTP server serves them only when -rest is set.</summary>
public static class RestServiceCollectionExtensions
{
    public static IServiceCollection AddRest(this IServiceCollection services)
    {
        // The formatters and lookup getrawtransaction and getblock use; TryAdd, as the RPC registration adds them too.
        services.TryAddSingleton<TransactionJson>();
        services.TryAddSingleton<BlockJson>();
        services.TryAddSingleton<TransactionLookup>();
        services.AddSingleton<RestTransactionEndpoint>();
        services.AddSingleton<RestBlockEndpoint>();
        services.AddSingleton<RestChainInfoEndpoint>();
        services.AddSingleton<RestMempoolEndpoint>();
        services.AddSingleton<RestHeadersEndpoint>();
        services.AddSingleton<RestUtxoEndpoint>();
        services.AddSingleton<RestRequestHandler>();
        return services;
    }
}
