using Faithcoin.Cli.Transport;

namespace Faithcoin.Node.Tests.Cli;

/// <summary>The client's HTTP exchange over real loopback sockets, against servers that misbehave in each way the original names.</summary>
public sealed class RpcHttpTransportTests
{
    private static Task<string> PostAsync(ScriptedHttpServer server, TimeSpan timeout)
    {
        var transport = new RpcHttpTransport(timeout);
        return PostAndDisposeAsync(transport, new RpcEndpoint("127.0.0.1", server.Port, "/"));
    }

    private static async Task<string> PostAndDisposeAsync(RpcHttpTransport transport, RpcEndpoint endpoint)
    {
        using (transport)
        {
            return await transport.PostAsync(endpoint, "user:pass", """{"method":"getblockcount","params":[],"id":1}""", CancellationToken.None);
        }
    }

    private static string Reply(int status, string body) =>
        $"HTTP/1.1 {status} X\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    [Fact]
    public async Task SendsTheOriginalsRequestAndReturnsTheBody()
    {
        await using var server = new ScriptedHttpServer(Reply(200, """{"result":0,"error":null,"id":1}""" + "\n"));
        Assert.Equal("""{"result":0,"error":null,"id":1}""" + "\n", await PostAsync(server, TimeSpan.FromSeconds(10)));
        var request = await server.Request;
        Assert.StartsWith("POST / HTTP/1.1\r\n", request, StringComparison.Ordinal);
        Assert.Contains("\r\nAuthorization: Basic dXNlcjpwYXNz\r\n", request, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", request, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n" + """{"method":"getblockcount","params":[],"id":1}""" + "\n", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorStatusesTheServerAnswersWithJsonStillReturnTheBody()
    {
        await using var server = new ScriptedHttpServer(Reply(404, """{"result":null,"error":{"code":-32601,"message":"Method not found"},"id":1}"""));
        Assert.Contains("-32601", await PostAsync(server, TimeSpan.FromSeconds(10)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "x", "incorrect rpcuser or rpcpassword (authorization failed)")]
    [InlineData(403, "x", "server returned HTTP error 403")]
    [InlineData(200, "", "no response from server")]
    public async Task OtherOutcomesAreClientErrors(int status, string body, string message)
    {
        await using var server = new ScriptedHttpServer(Reply(status, body));
        var e = await Assert.ThrowsAsync<RpcClientException>(() => PostAsync(server, TimeSpan.FromSeconds(10)));
        Assert.IsNotType<RpcConnectionFailedException>(e);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public async Task ASilentServerIsATimeout()
    {
        await using var server = new ScriptedHttpServer(null);
        var e = await Assert.ThrowsAsync<RpcConnectionFailedException>(() => PostAsync(server, TimeSpan.FromSeconds(1)));
        Assert.StartsWith("couldn't connect to server: timeout reached (code 0)\n", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatHangsUpIsAConnectionFailure()
    {
        await using var server = new ScriptedHttpServer(string.Empty);
        var e = await Assert.ThrowsAsync<RpcConnectionFailedException>(() => PostAsync(server, TimeSpan.FromSeconds(10)));
        Assert.StartsWith("couldn't connect to server: EOF reached (code 1)\n", e.Message, StringComparison.Ordinal);
    }
}
