using System.Net;
using System.Text.Json;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>A faithcoind on regtest listening for peers on 127.0.0.1 at a free port, with an RPC client.</summary>
public sealed class P2PNodeHandle : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly TempDirectory data;
    private string credentials = string.Empty;

    private P2PNodeHandle(TempDirectory data, DaemonProcess daemon, int p2pPort)
    {
        this.data = data;
        Daemon = daemon;
        P2PPort = p2pPort;
    }

    public DaemonProcess Daemon { get; }

    public int P2PPort { get; }

    /// <summary>"127.0.0.1:port", the name other nodes use for -connect and -addnode.</summary>
    public string Address => $"127.0.0.1:{P2PPort}";

    /// <summary>The node's debug.log (regtest folder).</summary>
    public string DebugLogPath => data.Combine("regtest", "debug.log");

    public static async Task<P2PNodeHandle> StartAsync(params string[] extra)
    {
        var data = new TempDirectory();
        var rpcPort = DaemonProcess.FreePort();
        var p2pPort = DaemonProcess.FreePort();
        string[] args = ["-regtest", $"-datadir={data.Path}", $"-rpcport={rpcPort}", $"-port={p2pPort}", "-bind=127.0.0.1", .. extra];
        var daemon = DaemonProcess.Start(rpcPort, args);
        var handle = new P2PNodeHandle(data, daemon, p2pPort);
        var cookie = data.Combine("regtest", ".cookie");
        await daemon.WaitUntilReadyAsync(() => File.Exists(cookie) ? File.ReadAllText(cookie) : null, StartTimeout);
        handle.credentials = File.ReadAllText(cookie);
        return handle;
    }

    public async Task<JsonElement> ResultAsync(string method, string parameters = "")
    {
        var (status, reply) = await CallAsync(method, parameters);
        Assert.True(status == HttpStatusCode.OK, $"{method}: {reply}");
        return reply.GetProperty("result");
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(string method, string parameters = "") =>
        Daemon.CallAsync($$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""", credentials);

    /// <summary>The RPC error code of a call expected to fail.</summary>
    public async Task<(int Code, string Message)> ErrorAsync(string method, string parameters = "")
    {
        var (_, reply) = await CallAsync(method, parameters);
        var error = reply.GetProperty("error");
        Assert.Equal(JsonValueKind.Object, error.ValueKind);
        return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
    }

    public async Task<string> BestBlockHashAsync() => (await ResultAsync("getbestblockhash")).GetString()!;

    /// <summary>Polls until <paramref name="condition"/> holds, failing with this node's log after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var log = data.Combine("regtest", "debug.log");
                var text = File.Exists(log) ? File.ReadAllText(log) : string.Empty;
                Assert.Fail($"timed out waiting for {what}\n{text[Math.Max(0, text.Length - 6000)..]}");
            }

            await Task.Delay(100);
        }
    }

    public Task WaitForTipAsync(string hash, TimeSpan timeout) =>
        WaitForAsync(async () => await BestBlockHashAsync() == hash, timeout, $"tip {hash}");

    public async ValueTask DisposeAsync()
    {
        await Daemon.DisposeAsync();
        data.Dispose();
    }
}
