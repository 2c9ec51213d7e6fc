using System.Net;
using System.Text;
using System.Text.Json;
using Faithcoin.Node.Configuration;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Rpc.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faithcoin.Node.Tests.Rpc;

/// <summary>The HTTP checks in front of JSON-RPC, in process: the router (403, 405, 404) and the handler behind it.</summary>
public sealed class RpcHttpHandlerTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly RpcTestServices rpc = new();
    private readonly HttpWorkQueue queue = new(threads: 1, depth: 16);

    public void Dispose()
    {
        queue.Dispose();
        rpc.Dispose();
        data.Dispose();
    }

    private (HttpRequestRouter Handler, RpcAuthenticator Authenticator, NodeOptions Options) CreateHandler(params string[] extraArgs)
    {
        var options = new NodeConfigurationLoader(new NodeOptionsBinder(new OptionCatalog()), data.Path)
            .Load(CommandLineParser.Parse([$"-datadir={data.Path}", "-regtest", .. extraArgs]));
        options.DataDirectory.CreateChainFolder();
        var authenticator = new RpcAuthenticator(options, new AuthCookie(options));
        authenticator.Initialize();
        var processor = new JsonRpcProcessor(
            new RpcDispatcher(rpc.Table, rpc.Warmup), NullLogger<JsonRpcProcessor>.Instance);
        var handler = new RpcHttpHandler(authenticator, processor, TimeProvider.System, NullLogger<RpcHttpHandler>.Instance);
        var router = new HttpRequestRouter(new RpcAccessList(options), handler, rest: null, queue, NullLogger<HttpRequestRouter>.Instance);
        return (router, authenticator, options);
    }

    private static async Task<(int Status, HttpResponse Response, string Body)> SendAsync(
        HttpRequestRouter handler, string method, string path, string? credentials, string body = "", string peer = "127.0.0.1")
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Request.Method = method;
        context.Request.Path = path;
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget = path; // as Kestrel sets it
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        if (credentials is not null)
        {
            context.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
        }

        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        await handler.HandleAsync(context);
        return (context.Response.StatusCode, context.Response, Encoding.UTF8.GetString(responseBody.ToArray()));
    }

    [Fact]
    public async Task TheCookieAuthenticatesAndIsDeletedAtShutdown()
    {
        var (handler, authenticator, options) = CreateHandler();
        var cookie = await File.ReadAllTextAsync(options.Rpc.CookieFilePath);
        Assert.Matches("^__cookie__:[0-9a-f]{64}$", cookie);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.Rpc.CookieFilePath));
        }

        var (status, _, body) = await SendAsync(handler, "POST", "/", cookie, """{"method":"getblockcount","id":1}""");
        Assert.Equal(200, status);
        Assert.Equal(0, JsonDocument.Parse(body).RootElement.GetProperty("result").GetInt32());

        authenticator.Shutdown();
        Assert.False(File.Exists(options.Rpc.CookieFilePath));
    }

    [Fact]
    public async Task PasswordAuthenticationReplacesTheCookie()
    {
        var (handler, _, options) = CreateHandler("-rpcuser=alice", "-rpcpassword=s3cret");
        Assert.False(File.Exists(options.Rpc.CookieFilePath));
        var (status, _, _) = await SendAsync(handler, "POST", "/", "alice:s3cret", """{"method":"uptime","id":1}""");
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task BadCredentialsGet401WithTheChallengeAfterAPause()
    {
        var (handler, _, _) = CreateHandler("-rpcuser=alice", "-rpcpassword=s3cret");
        var started = DateTime.UtcNow;
        var (status, response, _) = await SendAsync(handler, "POST", "/", "alice:wrong", "{}");
        Assert.Equal(401, status);
        Assert.Equal("Basic realm=\"jsonrpc\"", response.Headers.WWWAuthenticate.ToString());
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(240));
    }

    [Fact]
    public async Task MissingCredentialsGet401()
    {
        var (handler, _, _) = CreateHandler();
        var (status, response, _) = await SendAsync(handler, "POST", "/", credentials: null, "{}");
        Assert.Equal(401, status);
        Assert.Equal("Basic realm=\"jsonrpc\"", response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task OnlyPostIsServed()
    {
        var (handler, _, options) = CreateHandler();
        var cookie = await File.ReadAllTextAsync(options.Rpc.CookieFilePath);
        var (status, _, body) = await SendAsync(handler, "GET", "/", cookie);
        Assert.Equal(405, status);
        Assert.Equal("JSONRPC server handles only POST requests", body);
        (status, _, _) = await SendAsync(handler, "DELETE", "/", cookie);
        Assert.Equal(405, status);
    }

    [Fact]
    public async Task OtherPathsAre404()
    {
        var (handler, _, options) = CreateHandler();
        var cookie = await File.ReadAllTextAsync(options.Rpc.CookieFilePath);
        var (status, _, _) = await SendAsync(handler, "POST", "/rest/chaininfo.json", cookie, "{}");
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task PeersOutsideRpcAllowIpAreForbidden()
    {
        var (handler, _, options) = CreateHandler("-rpcallowip=10.0.0.0/8");
        var cookie = await File.ReadAllTextAsync(options.Rpc.CookieFilePath);
        var body = """{"method":"uptime","id":1}""";
        Assert.Equal(403, (await SendAsync(handler, "POST", "/", cookie, body, peer: "192.168.1.5")).Status);
        Assert.Equal(200, (await SendAsync(handler, "POST", "/", cookie, body, peer: "10.1.2.3")).Status);
        Assert.Equal(200, (await SendAsync(handler, "POST", "/", cookie, body, peer: "::1")).Status);
    }
}
