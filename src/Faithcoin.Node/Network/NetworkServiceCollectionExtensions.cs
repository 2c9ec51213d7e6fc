using Faithcoin.Node.Chain;
using Faithcoin.P2P.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Faithcoin.Node.Networking;

/// <summary>Registration of the P2P hosting: shared state, the tip relay among the chain's notifications, the adapter and the hosted service.</summary>
public static class NetworkServiceCollectionExtensions
{
    /// <summary>The state and the chain notification; safe to call before the chain manager is registered.</summary>
    public static IServiceCollection AddNetworkCore(this IServiceCollection services)
    {
        services.TryAddSingleton<NetworkState>();
        services.TryAddSingleton<ChainWorker>();
        services.TryAddSingleton<ChainSourceAdapter>();
        services.AddSingleton<IChainNotifications, NetworkTipRelay>();
        return services;
    }

    /// <summary>
    /// The hosted P2P node, serving on <paramref name="listeners"/> (bound already, or bound when it starts); register it
    /// after the start-up service so it starts once the chain is loaded.
    /// </summary>
    public static IServiceCollection AddNetworkHost(this IServiceCollection services, PeerListeners listeners)
    {
        services.AddSingleton(listeners);
        return services.AddHostedService<NetworkHostedService>();
    }
}
