using System.Text.Json;
using System.Text;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.ChainView;
using Faithcoin.Node.Hosting;
using Faithcoin.Node.Mempool.Policy;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Networking;
using Faithcoin.Node.Rpc.Methods.Blockchain;
using Faithcoin.Node.Rpc.Methods.Mining;
using Faithcoin.Node.Rpc.Methods.RawTransactions;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Tests.Chain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin;

namespace Faithcoin.Node.Tests.Rpc.Blockchain;

/// <summary>
/// The daemon's chain, mempool, mining, raw transaction and util registrations over a real regtest ChainManager in a
/// temp folder, called through the JSON-RPC processor without HTTP.
/// </summary>
internal sealed class ChainRpcHarness : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly ChainNode node;
    private readonly ServiceProvider provider;

    public ChainRpcHarness()
    {
        node = ChainNode.Open(folder.Path);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(ChainParams.Regtest);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(node.Chain);
        services.AddSingleton<IChainView>(node.Chain);
        services.AddSingleton(node.Chain.Events);
        services.AddSingleton(new ChainLog(NullLogger<ChainLog>.Instance));
        services.AddSingleton(new NodeUptime(TimeProvider.System));
        services.AddSingleton<IShutdownRequester>(new RpcTestServices.RecordingShutdown());
        services.AddSingleton<NetworkState>();
        services.AddMempool(new PolicySettings { RequireStandard = false });
        services.AddRpcCore()
            .AddControlRpcMethods()
            .AddBlockchainRpcMethods()
            .AddChainStateBlockchainRpcMethods()
            .AddMiningRpcMethods()
            .AddRawTransactionRpcMethods()
            .AddUtilRpcMethods();
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<RpcWarmup>().Finish();
        provider.GetRequiredService<MempoolChainSync>().StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>A regtest P2PKH address nobody else pays to.</summary>
    public static string Address { get; } = new Key(Enumerable.Repeat((byte)3, 32).ToArray()).PubKey.GetAddress(ScriptPubKeyType.Legacy, ChainParams.Regtest.Network).ToString();

    public ChainManager Chain => node.Chain;

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    /// <summary>Calls a method with positional parameters given as JSON text; returns the whole reply.</summary>
    public async Task<JsonElement> CallAsync(string method, string parameters = "")
    {
        var request = $$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""";
        return await SendAsync(request);
    }

    /// <summary>A request with params given as a JSON object (named arguments).</summary>
    public async Task<JsonElement> CallNamedAsync(string method, string namedParameters)
    {
        var request = $$"""{"method":"{{method}}","params":{{namedParameters}},"id":1}""";
        return await SendAsync(request);
    }

    /// <summary>Mines one block paying its coinbase to the address; returns the coinbase's txid.</summary>
    public async Task<string> MineCoinbaseToAsync(string address)
    {
        var hash = (await ResultAsync("generatetoaddress", $"1, \"{address}\""))[0].GetString();
        return (await ResultAsync("getblock", $"\"{hash}\""))!.GetProperty("tx")[0].GetString()!;
    }

    private async Task<JsonElement> SendAsync(string request)
    {
        var reply = await provider.GetRequiredService<JsonRpcProcessor>().ProcessAsync(Encoding.UTF8.GetBytes(request), CancellationToken.None);
        return JsonDocument.Parse(reply.Body).RootElement.Clone();
    }

    public async Task<JsonElement> ResultAsync(string method, string parameters = "")
    {
        var reply = await CallAsync(method, parameters);
        Assert.True(reply.GetProperty("error").ValueKind == JsonValueKind.Null, $"{method} failed: {reply}");
        return reply.GetProperty("result");
    }

    public async Task<(int Code, string Message)> ErrorAsync(string method, string parameters = "")
    {
        var reply = await CallAsync(method, parameters);
        var error = reply.GetProperty("error");
        Assert.True(error.ValueKind == JsonValueKind.Object, $"{method} did not fail: {reply}");
        return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
    }

    /// <summary>Another address, for blocks that must differ from ones mined on the same parent in the same second.</summary>
    public static string OtherAddress { get; } = new Key(Enumerable.Repeat((byte)4, 32).ToArray()).PubKey.GetAddress(ScriptPubKeyType.Legacy, ChainParams.Regtest.Network).ToString();

    public async Task<List<string>> GenerateAsync(int count, string? address = null)
    {
        var hashes = await ResultAsync("generatetoaddress", $"{count}, \"{address ?? Address}\"");
        return hashes.EnumerateArray().Select(h => h.GetString()!).ToList();
    }

    public void Dispose()
    {
        provider.Dispose();
        node.Dispose();
        folder.Dispose();
    }
}
