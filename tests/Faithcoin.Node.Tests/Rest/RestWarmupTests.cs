using System.Text;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.ChainView;
using Faithcoin.Node.Hosting;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Mempool.Policy;
using Faithcoin.Node.Rest;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Tests.Chain;
using Faithcoin.P2P;
using Microsoft.Extensions.DependencyInjection;

namespace Faithcoin.Node.Tests.Rest;

/// <summary>The REST handler in process over a real regtest chain: 503 while warming up, and its URI prefix table.</summary>
public sealed class RestWarmupTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly ChainNode node;
    private readonly ServiceProvider provider;

    public RestWarmupTests()
    {
        node = ChainNode.Open(data.Path);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(ChainParams.Regtest);
        services.AddSingleton(node.Chain);
        services.AddSingleton<IChainView>(node.Chain);
        services.AddSingleton(new P2POptions());
        services.AddSingleton(new NodeUptime(TimeProvider.System));
        services.AddRpcCore().AddBlockchainRpcMethods();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IMempoolView>(sp => new TransactionPool(new PolicySettings(), [], TimeProvider.System));
        services.AddRest();
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private RestRequestHandler Handler => provider.GetRequiredService<RestRequestHandler>();

    public void Dispose()
    {
        provider.Dispose();
        node.Dispose();
        data.Dispose();
    }

    [Fact]
    public async Task EveryEndpointAnswers503WithTheStepUntilTheNodeHasStarted()
    {
        var warmup = provider.GetRequiredService<RpcWarmup>();
        warmup.SetStatus("Loading block index...");
        foreach (var uri in new[] { "/rest/chaininfo.json", "/rest/tx/00.json", "/rest/getutxos.json", "/rest/mempool/info.json" })
        {
            var reply = await Handler.ReplyAsync(uri, [], CancellationToken.None);
            Assert.Equal(503, reply.StatusCode);
            Assert.Equal("Service temporarily unavailable: Loading block index...\r\n", Encoding.UTF8.GetString(reply.Body));
        }

        warmup.Finish();
        var ready = await Handler.ReplyAsync("/rest/chaininfo.json", [], CancellationToken.None);
        Assert.Equal(200, ready.StatusCode);
        Assert.Contains("\"chain\":\"regtest\"", Encoding.UTF8.GetString(ready.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyThe015PrefixesAreServed()
    {
        Assert.True(Handler.Serves("/rest/chaininfoXYZ.json"));
        Assert.True(Handler.Serves("/rest/getutxos"));
        Assert.True(Handler.Serves("/rest/block/notxdetails/"));
        Assert.False(Handler.Serves("/rest/chain"));
        Assert.False(Handler.Serves("/rest/blocks/x"));
        Assert.False(Handler.Serves("/REST/tx/x"));
        Assert.False(Handler.Serves("/"));
    }
}
