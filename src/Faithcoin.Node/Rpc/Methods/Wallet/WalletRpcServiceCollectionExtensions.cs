using Microsoft.Extensions.DependencyInjection;

namespace Faithcoin.Node.Rpc.Methods.Wallet;

/// <summary>Registers the explanation the wallet's method names get instead of a bare "Method not found".</summary>
public static class WalletRpcServiceCollectionExtensions
{
    public static IServiceCollection AddAbsentWalletRpcMethods(this IServiceCollection services) =>
        services.AddSingleton<IUnavailableRpcMethods, AbsentWallet>();
}
