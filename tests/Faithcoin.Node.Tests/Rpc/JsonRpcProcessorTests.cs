using System.Text.Json;

namespace Faithcoin.Node.Tests.Rpc;

public sealed class JsonRpcProcessorTests : IDisposable
{
    private const string RegtestGenesis = "2f2a3df80323d97e3fc6700da36761482389e5f8982ed2e0425420479e36928d";

    private readonly RpcTestServices rpc = new();

    public void Dispose() => rpc.Dispose();

    private static void AssertError(JsonElement reply, int code, string? message = null)
    {
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("result").ValueKind);
        Assert.Equal(code, reply.GetProperty("error").GetProperty("code").GetInt32());
        if (message is not null)
        {
            Assert.Equal(message, reply.GetProperty("error").GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task GetBlockHashZeroIsTheGenesisHashInTheOriginalReplyShape()
    {
        var (status, reply) = await rpc.PostAsync("""{"method":"getblockhash","params":[0],"id":7}""");
        Assert.Equal(200, status);
        Assert.Equal(["result", "error", "id"], reply.EnumerateObject().Select(p => p.Name));
        Assert.Equal(RegtestGenesis, reply.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("error").ValueKind);
        Assert.Equal(7, reply.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task JsonRpc2RequestsGetThe10ShapeAsInTheOriginal()
    {
        var (_, reply) = await rpc.PostAsync("""{"jsonrpc":"2.0","method":"getblockcount","id":"x"}""");
        Assert.Equal(0, reply.GetProperty("result").GetInt32());
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("error").ValueKind);
        Assert.Equal("x", reply.GetProperty("id").GetString());
        Assert.False(reply.TryGetProperty("jsonrpc", out _));
    }

    [Fact]
    public async Task NamedParametersMapToPositions()
    {
        var (_, reply) = await rpc.PostAsync("""{"method":"getblockhash","params":{"height":0},"id":1}""");
        Assert.Equal(RegtestGenesis, reply.GetProperty("result").GetString());
    }

    [Fact]
    public async Task UnknownNamedParameterIsInvalidParameter()
    {
        var (status, reply) = await rpc.PostAsync("""{"method":"getblockhash","params":{"height":0,"foo":1},"id":1}""");
        Assert.Equal(500, status);
        AssertError(reply, -8, "Unknown named parameter foo");
    }

    [Fact]
    public async Task HeightOutOfRangeIsMinus8()
    {
        var (status, reply) = await rpc.PostAsync("""{"method":"getblockhash","params":[1],"id":1}""");
        Assert.Equal(500, status);
        AssertError(reply, -8, "Block height out of range");
        Assert.Equal(1, reply.GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("[\"0\"]", "JSON value is not an integer as expected")]
    [InlineData("[null]", "JSON value is not an integer as expected")]
    [InlineData("[1.5]", "JSON integer out of range")]
    [InlineData("[4294967296]", "JSON integer out of range")]
    public async Task WrongParameterTypesUseUniValueMessages(string parameters, string message)
    {
        var (_, reply) = await rpc.PostAsync($$"""{"method":"getblockhash","params":{{parameters}},"id":1}""");
        AssertError(reply, -1, message);
    }

    [Fact]
    public async Task WrongArgumentCountAnswersWithTheHelpText()
    {
        var (status, reply) = await rpc.PostAsync("""{"method":"getblockhash","params":[],"id":1}""");
        Assert.Equal(500, status);
        AssertError(reply, -1);
        Assert.StartsWith("getblockhash height\n", reply.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMethodIsMinus32601WithHttp404()
    {
        var (status, reply) = await rpc.PostAsync("""{"method":"nosuchmethod","id":1}""");
        Assert.Equal(404, status);
        AssertError(reply, -32601, "Method not found");
    }

    [Theory]
    [InlineData("{\"method\":")]
    [InlineData("")]
    [InlineData("{\"method\":\"getblockcount\"} trailing")]
    public async Task MalformedJsonIsParseErrorWithHttp500(string body)
    {
        var (status, reply) = await rpc.PostAsync(body);
        Assert.Equal(500, status);
        AssertError(reply, -32700, "Parse error");
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("id").ValueKind);
    }

    [Fact]
    public async Task AScalarTopLevelIsATopLevelParseError()
    {
        var (status, reply) = await rpc.PostAsync("42");
        Assert.Equal(500, status);
        AssertError(reply, -32700, "Top-level object parse error");
    }

    [Theory]
    [InlineData("""{"id":3}""", "Missing method")]
    [InlineData("""{"method":1,"id":3}""", "Method must be a string")]
    [InlineData("""{"method":"getblockcount","params":"x","id":3}""", "Params must be an array or object")]
    public async Task InvalidRequestsAreMinus32600WithHttp400(string body, string message)
    {
        var (status, reply) = await rpc.PostAsync(body);
        Assert.Equal(400, status);
        AssertError(reply, -32600, message);
        Assert.Equal(3, reply.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task BatchesAnswerEachCallInOrderWithHttp200()
    {
        var (status, reply) = await rpc.PostAsync(
            """[{"method":"getblockcount","id":1},{"method":"nosuchmethod","id":2},5,{"method":"getbestblockhash","id":3}]""");
        Assert.Equal(200, status);
        var items = reply.EnumerateArray().ToArray();
        Assert.Equal(4, items.Length);
        Assert.Equal(0, items[0].GetProperty("result").GetInt32());
        AssertError(items[1], -32601);
        Assert.Equal(2, items[1].GetProperty("id").GetInt32());
        AssertError(items[2], -32600, "Invalid Request object");
        Assert.Equal(RegtestGenesis, items[3].GetProperty("result").GetString());
    }

    [Fact]
    public async Task WarmupRefusesEveryCallWithMinus28()
    {
        using var warming = new RpcTestServices(finishWarmup: false);
        warming.Warmup.SetStatus("Loading block index...");
        var (status, reply) = await warming.PostAsync("""{"method":"getblockcount","id":1}""");
        Assert.Equal(500, status);
        AssertError(reply, -28, "Loading block index...");
        warming.Warmup.Finish();
        (status, _) = await warming.PostAsync("""{"method":"getblockcount","id":1}""");
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task GetBlockchainInfoDescribesTheGenesisTip()
    {
        var (_, reply) = await rpc.PostAsync("""{"method":"getblockchaininfo","id":1}""");
        var info = reply.GetProperty("result");
        Assert.Equal("regtest", info.GetProperty("chain").GetString());
        Assert.Equal(0, info.GetProperty("blocks").GetInt32());
        Assert.Equal(0, info.GetProperty("headers").GetInt32());
        Assert.Equal(RegtestGenesis, info.GetProperty("bestblockhash").GetString());
        Assert.Equal(4.656542373906925e-10, info.GetProperty("difficulty").GetDouble(), 1e-20);
        Assert.Equal(1296688602, info.GetProperty("mediantime").GetInt64());
        Assert.Equal("0000000000000000000000000000000000000000000000000000000000000002", info.GetProperty("chainwork").GetString());
        Assert.False(info.GetProperty("pruned").GetBoolean());
    }

    [Fact]
    public async Task StopRequestsShutdownAndSaysSo()
    {
        var (status, reply) = await rpc.PostAsync("""{"method":"stop","id":1}""");
        Assert.Equal(200, status);
        Assert.Equal("Faithcoin server stopping", reply.GetProperty("result").GetString());
        Assert.Equal(1, rpc.Shutdown.Requests);
    }

    [Fact]
    public async Task UptimeIsWholeSeconds()
    {
        var (_, reply) = await rpc.PostAsync("""{"method":"uptime","id":1}""");
        Assert.InRange(reply.GetProperty("result").GetInt64(), 0, 60);
    }
}
