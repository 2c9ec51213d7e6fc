using Faithcoin.Node.Networking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>The network category (0.15's rpc/net.cpp). The namespace is not "Network" so NBitcoin's Network type stays reachable.</summary>
public static class NetworkRpcServiceCollectionExtensions
{
    public static IServiceCollection AddNetworkRpcMethods(this IServiceCollection services)
    {
        services.TryAddSingleton<NetworkState>();
        services.TryAddSingleton<P2PAccess>();
        return services
            .AddRpcMethod<AddNodeMethod>()
            .AddRpcMethod<ClearBannedMethod>()
            .AddRpcMethod<DisconnectNodeMethod>()
            .AddRpcMethod<GetAddedNodeInfoMethod>()
            .AddRpcMethod<GetConnectionCountMethod>()
            .AddRpcMethod<GetNetTotalsMethod>()
            .AddRpcMethod<GetNetworkInfoMethod>()
            .AddRpcMethod<GetInfoMethod>()
            .AddRpcMethod<GetPeerInfoMethod>()
            .AddRpcMethod<ListBannedMethod>()
            .AddRpcMethod<PingMethod>()
            .AddRpcMethod<SetBanMethod>()
            .AddRpcMethod<SetNetworkActiveMethod>();
    }
}
