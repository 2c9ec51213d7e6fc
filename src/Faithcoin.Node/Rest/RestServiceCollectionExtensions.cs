using Faithcoin.Node.Rpc.Methods.Blockchain;
using Microsoft.Extensions.DependencyInjection;

namespace Faithcoin.Node.Rest;

/// <summary>Registration of the REST endpoints; the HTTP server serves them only when -rest is set.</summary>
public static class RestServiceCollectionExtensions
{
    public static IServiceCollection AddRest(this IServiceCollection services)
    {
        services.AddChainQueries();
        services.AddSingleton<RestMempool>();
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
