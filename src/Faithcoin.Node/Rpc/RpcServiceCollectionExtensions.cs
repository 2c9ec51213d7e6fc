using Faithcoin.Node.Rpc.Http;
using Faithcoin.Node.Rpc.Methods.Blockchain;
using Faithcoin.Node.Rpc.Methods.Control;
using Microsoft.Extensions.DependencyInjection;

namespace Faithcoin.Node.Rpc;

/// <summary>Registration of the RPC machinery and of methods; later features add theirs with AddRpcMethod.</summary>
public static class RpcServiceCollectionExtensions
{
    public static IServiceCollection AddRpcMethod<TMethod>(this IServiceCollection services)
        where TMethod : class, IRpcMethod
    {
        return services.AddSingleton<IRpcMethod, TMethod>();
    }

    /// <summary>Dispatch, warm-up and the method table; the HTTP server is added separately (only with -server).</summary>
    public static IServiceCollection AddRpcCore(this IServiceCollection services)
    {
        services.AddSingleton<RpcWarmup>();
        services.AddSingleton<IRpcMethodTable, RpcMethodTable>();
        services.AddSingleton(sp => new Lazy<IRpcMethodTable>(sp.GetRequiredService<IRpcMethodTable>));
        services.AddSingleton<RpcDispatcher>();
        services.AddSingleton<JsonRpcProcessor>();
        return services;
    }

    public static IServiceCollection AddRpcHttpServer(this IServiceCollection services)
    {
        services.AddSingleton<AuthCookie>();
        services.AddSingleton<RpcAuthenticator>();
        services.AddSingleton<RpcAccessList>();
        services.AddSingleton<RpcHttpHandler>();
        services.AddHostedService<RpcHttpServer>();
        return services;
    }

    public static IServiceCollection AddControlRpcMethods(this IServiceCollection services) =>
        services.AddRpcMethod<HelpMethod>()
            .AddRpcMethod<StopMethod>()
            .AddRpcMethod<UptimeMethod>();

    public static IServiceCollection AddBlockchainRpcMethods(this IServiceCollection services) =>
        services.AddRpcMethod<GetBestBlockHashMethod>()
            .AddRpcMethod<GetBlockCountMethod>()
            .AddRpcMethod<GetBlockchainInfoMethod>()
            .AddRpcMethod<GetBlockHashMethod>();
}
