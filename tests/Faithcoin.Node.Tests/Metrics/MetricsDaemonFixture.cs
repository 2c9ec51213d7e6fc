using System.Net;
using System.Text.Json;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Metrics;

/// <summary>
/// One fresh regtest faithcoind with -metricsport, shared by a test class: started before the first test (RPC ready),
/// killed after the last. Only genesis at start, so the node is in initial block download until a block is mined.
/// </summary>
public sealed class MetricsDaemonFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory data = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private DaemonProcess? daemon;
    private string credentials = string.Empty;

    public int MetricsPort { get; } = DaemonProcess.FreePort();

    public DaemonProcess Daemon => daemon ?? throw new InvalidOperationException("The daemon is not started.");

    public HttpClient Http => http;

    public async Task InitializeAsync()
    {
        var rpcPort = DaemonProcess.FreePort();
        var cookie = data.Combine("regtest", ".cookie");
        daemon = DaemonProcess.Start(rpcPort, "-regtest", $"-datadir={data.Path}", $"-rpcport={rpcPort}", $"-metricsport={MetricsPort}");
        await daemon.WaitUntilReadyAsync(() => File.Exists(cookie) ? File.ReadAllText(cookie) : null, StartTimeout);
        credentials = await File.ReadAllTextAsync(cookie);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        if (daemon is not null)
        {
            await daemon.DisposeAsync();
        }

        data.Dispose();
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(new Uri($"http://127.0.0.1:{MetricsPort}{path}"));

    public async Task<ScrapedMetrics> ScrapeAsync()
    {
        using var response = await GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new ScrapedMetrics(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Calls an RPC method and returns the whole reply (result and error), whatever the HTTP status.</summary>
    public async Task<JsonElement> CallAsync(string method, string parameters = "")
    {
        var (_, reply) = await Daemon.CallAsync($$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""", credentials);
        return reply;
    }
}
