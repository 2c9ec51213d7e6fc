using System.Text;
using System.Text.Json;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.ChainView;
using Faithcoin.Node.Hosting;
using Faithcoin.Node.Rpc;
using Microsoft.Extensions.DependencyInjection;

namespace Faithcoin.Node.Tests.Rpc;

/// <summary>The node's RPC registrations over a genesis-only regtest chain, without HTTP.</summary>
public sealed class RpcTestServices : IDisposable
{
    private readonly ServiceProvider provider;

    public RpcTestServices(bool finishWarmup = true)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(ChainParams.Regtest);
        services.AddSingleton<IChainView, GenesisOnlyChain>();
        services.AddSingleton(new NodeUptime(TimeProvider.System));
        services.AddSingleton<IShutdownRequester>(Shutdown);
        services.AddRpcCore().AddControlRpcMethods().AddBlockchainRpcMethods();
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        if (finishWarmup)
        {
            Warmup.Finish();
        }
    }

    public RecordingShutdown Shutdown { get; } = new();

    public RpcWarmup Warmup => provider.GetRequiredService<RpcWarmup>();

    public IRpcMethodTable Table => provider.GetRequiredService<IRpcMethodTable>();

    public async Task<(int Status, JsonElement Body)> PostAsync(string json)
    {
        var reply = await provider.GetRequiredService<JsonRpcProcessor>().ProcessAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None);
        Assert.EndsWith("\n", Encoding.UTF8.GetString(reply.Body), StringComparison.Ordinal);
        return (reply.StatusCode, JsonDocument.Parse(reply.Body).RootElement.Clone());
    }

    public void Dispose() => provider.Dispose();

    public sealed class RecordingShutdown : IShutdownRequester
    {
        public int Requests { get; private set; }

        public void RequestShutdown() => Requests++;
    }
}
