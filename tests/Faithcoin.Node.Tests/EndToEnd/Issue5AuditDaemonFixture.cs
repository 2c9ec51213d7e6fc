using System.Net;
using System.Text.Json;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// One regtest faithcoind for <see cref="Issue5AuditEndToEndTests"/>: a conf with wallet and GUI options, default
/// RPC binding (no -rpcallowip), password authentication, -rest, -logtimestamps=0 and -shrinkdebugfile=0 over a
/// debug.log already larger than 0.15's shrink limit.
/// </summary>
public sealed class Issue5AuditDaemonFixture : IAsyncLifetime
{
    public const string Credentials = "audit:secret";
    public const string OldestLine = "OLDEST-LINE-OF-A-PREVIOUS-RUN";

    // Above the 11 MB at which 0.15 cuts debug.log down to its last 10 MB, had -shrinkdebugfile not said no.
    public const int OldLogBytes = 11_500_000;

    private readonly TempDirectory data = new();
    private DaemonProcess? daemon;

    public DaemonProcess Daemon => daemon ?? throw new InvalidOperationException("not started");

    public string DebugLogPath => data.Combine("regtest", "debug.log");

    public async Task InitializeAsync()
    {
        // 0.15 wallet and GUI options an old faithcoin.conf may carry: the node starts and names each as ignored.
        await File.WriteAllTextAsync(data.Combine("faithcoin.conf"), "gen=1\nkeypool=100\nlang=de\n");
        Directory.CreateDirectory(data.Combine("regtest"));
        await using (var old = File.Create(DebugLogPath))
        {
            await old.WriteAsync(System.Text.Encoding.ASCII.GetBytes(OldestLine + "\n"));
            await old.WriteAsync(Enumerable.Repeat((byte)'.', OldLogBytes).ToArray());
            await old.WriteAsync("\n"u8.ToArray());
        }

        var port = DaemonProcess.FreePort();
        daemon = DaemonProcess.Start(
            port, "-regtest", $"-datadir={data.Path}", $"-rpcport={port}", "-rpcuser=audit", "-rpcpassword=secret",
            "-logtimestamps=0", "-shrinkdebugfile=0", "-rest");
        await daemon.WaitUntilReadyAsync(() => Credentials, TimeSpan.FromSeconds(30));
    }

    /// <summary>The HTTP status and the error object of one call given as its full JSON-RPC request text.</summary>
    public async Task<(HttpStatusCode Status, int Code, string Message)> ErrorOfAsync(string request)
    {
        var (status, reply) = await Daemon.CallAsync(request, Credentials);
        var error = reply.GetProperty("error");
        Assert.True(error.ValueKind == JsonValueKind.Object, $"{request} did not fail: {reply}");
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("result").ValueKind);
        return (status, error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
    }

    public async Task<(HttpStatusCode Status, int Code, string Message)> ErrorAsync(string method, string parameters) =>
        await ErrorOfAsync($$"""{"method":"{{method}}","params":{{parameters}},"id":1}""");

    /// <summary>A REST GET on the RPC port: status and body bytes.</summary>
    public async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Daemon.RpcPort}{path}"));
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>debug.log as written so far (the daemon keeps it open for writing).</summary>
    public async Task<string> ReadDebugLogAsync()
    {
        await using var stream = new FileStream(DebugLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    public async Task DisposeAsync()
    {
        if (daemon is not null)
        {
            await daemon.DisposeAsync();
        }

        data.Dispose();
    }
}
