using Faithcoin.Node.Rpc.Methods.Util;
using Faithcoin.Node.Rpc.Methods.Wallet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the Rpc namespace, as AddControlRpcMethods is, so the host needs no extra using for it.
namespace Faithcoin.Node.Rpc;

/// <summary>
/// 0.15's rpc/misc.cpp methods a node without wallet serves, and the explanation the wallet's method names get.
/// </summary>
public static class UtilRpcServiceCollectionExtensions
{
    public static IServiceCollection AddUtilRpcMethods(this IServiceCollection services)
    {
        services.TryAddSingleton<AddressDecoder>();
        services.TryAddSingleton<PrivateKeyDecoder>();
        services.AddSingleton<IRpcMethod>(new EchoMethod("echo"));
        services.AddSingleton<IRpcMethod>(new EchoMethod("echojson"));
        return services
            .AddRpcMethod<ValidateAddressMethod>()
            .AddRpcMethod<CreateMultisigMethod>()
            .AddRpcMethod<VerifyMessageMethod>()
            .AddRpcMethod<SignMessageWithPrivKeyMethod>()
            .AddRpcMethod<GetMemoryInfoMethod>()
            .AddAbsentWalletRpcMethods();
    }
}
