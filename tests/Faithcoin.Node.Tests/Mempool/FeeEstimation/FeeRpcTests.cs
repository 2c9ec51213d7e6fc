using System.Text;
using System.Text.Json;
using Faithcoin.Node.Hosting;
using Faithcoin.Node.Mempool.FeeEstimation;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Rpc.Methods.Fees;
using Faithcoin.Node.Tests.Rpc;
using Microsoft.Extensions.DependencyInjection;

namespace Faithcoin.Node.Tests.Mempool.FeeEstimation;

/// <summary>estimatefee, estimatesmartfee and estimaterawfee through the JSON-RPC processor: 0.15's errors and result shapes.</summary>
public sealed class FeeRpcTests : IDisposable
{
    private readonly ServiceProvider provider;

    public FeeRpcTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new NodeUptime(TimeProvider.System));
        services.AddSingleton<IShutdownRequester>(new RpcTestServices.RecordingShutdown());
        services.AddSingleton<BlockPolicyEstimator>();
        services.AddRpcCore().AddControlRpcMethods().AddFeeRpcMethods();
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<RpcWarmup>().Finish();
    }

    private BlockPolicyEstimator Estimator => provider.GetRequiredService<BlockPolicyEstimator>();

    public void Dispose() => provider.Dispose();

    [Fact]
    public async Task WithoutDataTheAnswersAreThoseOf015()
    {
        Assert.Equal("""{"errors":["Insufficient data or no feerate found"],"blocks":0}""", await ResultTextAsync("estimatesmartfee", "6"));
        Assert.Equal("""{"errors":["Insufficient data or no feerate found"],"blocks":0}""", await ResultTextAsync("estimatesmartfee", "1, \"ECONOMICAL\""));
        Assert.Equal("-1", await ResultTextAsync("estimatefee", "6"));
        Assert.Equal("-1", await ResultTextAsync("estimatefee", "0"));

        const string fail = """{"startrange":0,"endrange":1e+99,"withintarget":0,"totalconfirmed":0,"inmempool":0,"leftmempool":0}""";
        const string errors = "\"errors\":[\"Insufficient data or no feerate found which meets threshold\"]";
        Assert.Equal(
            "{\"short\":{\"decay\":0.962,\"scale\":1,\"fail\":" + fail + "," + errors + "}," +
            "\"medium\":{\"decay\":0.9952,\"scale\":2,\"fail\":" + fail + "," + errors + "}," +
            "\"long\":{\"decay\":0.99931,\"scale\":24,\"fail\":" + fail + "," + errors + "}}",
            await ResultTextAsync("estimaterawfee", "6"));

        // Only the horizons that track the target answer.
        Assert.Equal(["medium", "long"], (await ResultAsync("estimaterawfee", "13")).EnumerateObject().Select(p => p.Name));
        Assert.Equal(["long"], (await ResultAsync("estimaterawfee", "49, 0.5")).EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task ArgumentsAreCheckedAs015ChecksThem()
    {
        Assert.Equal((-8, "Invalid conf_target, must be between 1 - 1008"), await ErrorAsync("estimatesmartfee", "0"));
        Assert.Equal((-8, "Invalid conf_target, must be between 1 - 1008"), await ErrorAsync("estimatesmartfee", "1009"));
        Assert.Equal((-3, "Expected type number, got string"), await ErrorAsync("estimatesmartfee", "\"6\""));
        Assert.Equal((-3, "Expected type string, got number"), await ErrorAsync("estimatesmartfee", "6, 1"));
        Assert.Equal((-3, "Expected type string, got null"), await ErrorAsync("estimatesmartfee", "6, null"));
        Assert.Equal((-8, "Invalid estimate_mode parameter"), await ErrorAsync("estimatesmartfee", "6, \"economical\""));
        Assert.Equal((-1, "JSON integer out of range"), await ErrorAsync("estimatesmartfee", "2.5"));
        Assert.Equal(-1, (await ErrorAsync("estimatesmartfee", string.Empty)).Code);

        Assert.Equal((-3, "Expected type number, got bool"), await ErrorAsync("estimatefee", "true"));
        Assert.Equal(-1, (await ErrorAsync("estimatefee", "6, 1")).Code);

        Assert.Equal((-8, "Invalid conf_target, must be between 1 - 1008"), await ErrorAsync("estimaterawfee", "0"));
        Assert.Equal((-8, "Invalid threshold"), await ErrorAsync("estimaterawfee", "6, 1.5"));
        Assert.Equal((-8, "Invalid threshold"), await ErrorAsync("estimaterawfee", "6, -0.1"));
        Assert.Equal((-3, "Expected type number, got string"), await ErrorAsync("estimaterawfee", "6, \"0.9\""));
        Assert.Equal((-3, "Expected type number, got null"), await ErrorAsync("estimaterawfee", "null"));
        Assert.Equal(JsonValueKind.Object, (await ResultAsync("estimaterawfee", "6, null")).ValueKind);

        // Named arguments use 0.15's names.
        Assert.Equal(0, (await CallAsync("""{"method":"estimatesmartfee","params":{"conf_target":3,"estimate_mode":"UNSET"},"id":1}""")).GetProperty("result").GetProperty("blocks").GetInt32());
    }

    [Fact]
    public async Task WithDataTheFeeRateIsAnAmountPerKilobyteAndRawShowsTheBuckets()
    {
        var pool = new SimulatedPool(Estimator);
        for (var block = 0; block < 40; block++)
        {
            var entries = Enumerable.Range(0, 5).Select(_ => pool.Add(18_800)).ToList();
            pool.MineBlock(entries.Select(e => e.Txid));
        }

        // 18,800 satoshis for 188 virtual bytes: 0.001 per kB.
        Assert.Equal("""{"feerate":0.00100000,"blocks":6}""", await ResultTextAsync("estimatesmartfee", "6"));
        Assert.Equal("""{"feerate":0.00100000,"blocks":19}""", await ResultTextAsync("estimatesmartfee", "100, \"ECONOMICAL\""));
        Assert.Equal("0.00100000", await ResultTextAsync("estimatefee", "2"));
        Assert.Equal("-1", await ResultTextAsync("estimatefee", "1"));

        var shortHorizon = (await ResultAsync("estimaterawfee", "2, 0.9")).GetProperty("short");
        Assert.Equal("0.00100000", shortHorizon.GetProperty("feerate").GetRawText());
        var pass = shortHorizon.GetProperty("pass");
        Assert.True(pass.GetProperty("startrange").GetDouble() < 100_000);
        Assert.Equal("1e+99", pass.GetProperty("endrange").GetRawText());
        Assert.Equal(pass.GetProperty("withintarget").GetDouble(), pass.GetProperty("totalconfirmed").GetDouble());
        Assert.Equal(0, pass.GetProperty("inmempool").GetDouble());

        // Below the passing bucket nothing had enough data: that range is the failed one.
        Assert.Equal(0, shortHorizon.GetProperty("fail").GetProperty("startrange").GetDouble());
        Assert.False(shortHorizon.TryGetProperty("errors", out _));
    }

    [Fact]
    public void HelpListsTheUtilMethodsAndHidesEstimateRawFee()
    {
        var table = provider.GetRequiredService<IRpcMethodTable>();
        var listing = table.Help(string.Empty);
        Assert.Contains("== Util ==\nestimatefee nblocks\nestimatesmartfee conf_target (\"estimate_mode\")", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("estimaterawfee", listing, StringComparison.Ordinal);
        Assert.StartsWith("estimaterawfee conf_target (threshold)\n\nWARNING: This interface is unstable", table.Help("estimaterawfee"), StringComparison.Ordinal);
        Assert.Contains("The request target will be clamped between 2 and the highest target", table.Help("estimatesmartfee"), StringComparison.Ordinal);
        Assert.Contains("> faithcoin-cli estimatefee 6\n", table.Help("estimatefee"), StringComparison.Ordinal);
    }

    private async Task<JsonElement> CallAsync(string json)
    {
        var reply = await provider.GetRequiredService<JsonRpcProcessor>().ProcessAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None);
        return JsonDocument.Parse(reply.Body).RootElement.Clone();
    }

    private async Task<JsonElement> ResultAsync(string method, string parameters)
    {
        var reply = await CallAsync($$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""");
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("error").ValueKind);
        return reply.GetProperty("result");
    }

    private async Task<string> ResultTextAsync(string method, string parameters) => (await ResultAsync(method, parameters)).GetRawText();

    private async Task<(int Code, string Message)> ErrorAsync(string method, string parameters)
    {
        var error = (await CallAsync($$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""")).GetProperty("error");
        return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
    }
}
