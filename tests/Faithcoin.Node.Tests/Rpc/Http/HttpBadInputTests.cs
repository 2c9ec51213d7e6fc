using System.Net;
using System.Text;
using System.Text.Json;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Rpc.Http;

/// <summary>What the real faithcoind answers to malformed and oversized requests, and to clients that misbehave on the wire.</summary>
[Collection(DaemonCollection.Name)]
public sealed class HttpBadInputTests(BadInputDaemon node) : IClassFixture<BadInputDaemon>
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    private async Task<(HttpStatusCode Status, JsonElement Error)> RpcErrorAsync(string body)
    {
        using var response = await node.PostAsync(body);
        var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("result").ValueKind);
        return (response.StatusCode, reply.GetProperty("error").Clone());
    }

    [Fact]
    public async Task RpcAuthCredentialsLogInAndWrongOnesGet401()
    {
        using var ok = await node.PostAsync("""{"method":"getblockcount","id":1}""");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var wrong = await node.PostAsync("""{"method":"getblockcount","id":1}""", credentials: "alice:mirror");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task ABodyThatIsNoJsonIs500ParseError()
    {
        var (status, error) = await RpcErrorAsync("this is not json {");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(-32700, error.GetProperty("code").GetInt32());
        Assert.Equal("Parse error", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"method\":")]
    [InlineData("[1,2")]
    [InlineData("ff fe 7b")]
    public async Task EmptyTruncatedAndNonUtf8BodiesAreParseErrors(string body)
    {
        // "ff fe 7b" stands for those raw bytes: not UTF-8 at all.
        var bytes = body == "ff fe 7b" ? [0xff, 0xfe, 0x7b] : Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, node.BaseUri) { Content = new ByteArrayContent(bytes) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(HttpDaemon.Credentials)));
        using var response = await node.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(-32700, error.GetProperty("code").GetInt32());
        Assert.Equal("Parse error", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task JsonThatIsNeitherObjectNorArrayIsATopLevelParseError()
    {
        var (status, error) = await RpcErrorAsync("42");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(-32700, error.GetProperty("code").GetInt32());
        Assert.Equal("Top-level object parse error", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task DeeplyNestedJsonIsAParseErrorNotACrash()
    {
        var depth = 100_000;
        var (status, error) = await RpcErrorAsync(new string('[', depth) + new string(']', depth));
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(-32700, error.GetProperty("code").GetInt32());
        using var still = await node.PostAsync("""{"method":"getblockcount","id":1}""");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task ABodyOverMaxSizeIs413AndTheServerGoesOn()
    {
        using var raw = await RawHttp.ConnectAsync(node.Port);
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes(HttpDaemon.Credentials));
        await raw.SendAsync($"POST / HTTP/1.1\r\nHost: x\r\nAuthorization: Basic {auth}\r\nContent-Length: {0x02000000 + 1}\r\n\r\n{{\"method\":");
        var response = await raw.ReadResponseAsync(Quick);
        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        using var still = await node.PostAsync("""{"method":"getblockcount","id":1}""");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task OnlyPostIsServedAtTheRootAndOtherPathsAre404()
    {
        using var get = await node.Http.GetAsync(node.BaseUri);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        using var delete = await node.Http.DeleteAsync(node.BaseUri);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        using var elsewhere = await node.PostAsync("""{"method":"getblockcount","id":1}""", "/wallet/");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        using var rest = await node.Http.GetAsync(new Uri(node.BaseUri, "/rest/chaininfo.json"));
        Assert.Equal(HttpStatusCode.NotFound, rest.StatusCode);
    }

    [Fact]
    public async Task AClientThatStallsMidRequestBlocksNobodyAndIsCutOff()
    {
        // More stalled bodies than -rpcthreads (4): were a body read on a worker, nobody else would be served.
        var full = RawHttp.Post("""{"method":"getblockcount","id":1}""", HttpDaemon.Credentials);
        var stalledBodies = new List<RawHttp>();
        for (var i = 0; i < 6; i++)
        {
            stalledBodies.Add(await RawHttp.ConnectAsync(node.Port));
            await stalledBodies[^1].SendAsync(full[..^10]);
        }

        using var stalledHeaders = await RawHttp.ConnectAsync(node.Port);
        await stalledHeaders.SendAsync("POST / HTTP/1.1\r\nHost: x\r\nContent-Le");

        for (var i = 0; i < 8; i++)
        {
            var started = DateTime.UtcNow;
            using var response = await node.PostAsync("""{"method":"getblockcount","id":1}""");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1));
        }

        var limit = BadInputDaemon.ServerTimeout + TimeSpan.FromSeconds(4);
        Assert.True(await stalledHeaders.IsClosedByServerWithinAsync(limit));
        foreach (var stalled in stalledBodies)
        {
            Assert.True(await stalled.IsClosedByServerWithinAsync(limit));
            stalled.Dispose();
        }
    }

    [Fact]
    public async Task AKeptAliveConnectionServesSeveralRequestsAndIsClosedWhenIdle()
    {
        using var raw = await RawHttp.ConnectAsync(node.Port);
        for (var id = 1; id <= 3; id++)
        {
            await raw.SendAsync(RawHttp.Post($$"""{"method":"getblockcount","id":{{id}}}""", HttpDaemon.Credentials));
            var response = await raw.ReadResponseAsync(Quick);
            Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
            Assert.Contains($"\"id\":{id}", response, StringComparison.Ordinal);
        }

        var started = DateTime.UtcNow;
        Assert.True(await raw.IsClosedByServerWithinAsync(BadInputDaemon.ServerTimeout + TimeSpan.FromSeconds(3)));
        Assert.True(DateTime.UtcNow - started >= BadInputDaemon.ServerTimeout - TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task ManyConcurrentConnectionsAreAllServed()
    {
        const int Connections = 150;
        var clients = new List<RawHttp>();
        try
        {
            for (var i = 0; i < Connections; i++)
            {
                clients.Add(await RawHttp.ConnectAsync(node.Port));
            }

            var request = RawHttp.Post("""{"method":"getbestblockhash","id":"many"}""", HttpDaemon.Credentials);
            var responses = await Task.WhenAll(clients.Select(async c =>
            {
                await c.SendAsync(request);
                return await c.ReadResponseAsync(TimeSpan.FromSeconds(20));
            }));
            Assert.All(responses, r => Assert.StartsWith("HTTP/1.1 200", r, StringComparison.Ordinal));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
