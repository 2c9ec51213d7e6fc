using System.Net.Http.Headers;
using System.Text;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Rpc.Http;

/// <summary>
/// One regtest faithcoind for a test class, with -rpcauth credentials ("alice:wonderland") and the extra options the
/// class needs; an HTTP client for JSON-RPC and REST on its port.
/// </summary>
public abstract class HttpDaemon : IAsyncLifetime
{
    // HMAC-SHA256 of "wonderland" keyed by "0123456789abcdef", computed outside the code under test (python's hmac).
    public const string RpcAuth = "alice:0123456789abcdef$a064405a0f460b3fc88b4e8774521f9c87844a246b372501d8eb9cf2c87c29e7";
    public const string Credentials = "alice:wonderland";

    private readonly TempDirectory data = new();
    private DaemonProcess? daemon;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };

    public DaemonProcess Daemon => daemon ?? throw new InvalidOperationException("The daemon has not started.");

    public int Port => Daemon.RpcPort;

    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    protected abstract IEnumerable<string> ExtraArgs { get; }

    public async Task InitializeAsync()
    {
        var port = DaemonProcess.FreePort();
        daemon = DaemonProcess.Start(port, ["-regtest", $"-datadir={data.Path}", $"-rpcport={port}", $"-rpcauth={RpcAuth}", .. ExtraArgs]);
        await daemon.WaitUntilReadyAsync(() => Credentials, TimeSpan.FromSeconds(30));
        await OnStartedAsync();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (daemon is not null)
        {
            await daemon.DisposeAsync();
        }

        data.Dispose();
    }

    public async Task<HttpResponseMessage> PostAsync(string body, string path = "/", string credentials = Credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri, path))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return await Http.SendAsync(request);
    }

    protected virtual Task OnStartedAsync() => Task.CompletedTask;
}
