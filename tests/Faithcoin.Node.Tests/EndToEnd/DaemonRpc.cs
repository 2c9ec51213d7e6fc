using System.Net;
using System.Text.Json;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>JSON-RPC calls to a running daemon with positional parameters written as JSON text.</summary>
internal sealed class DaemonRpc(DaemonProcess daemon, string credentials) : IAsyncDisposable
{
    public DaemonProcess Daemon => daemon;

    public async Task<JsonElement> ResultAsync(string method, string parameters = "")
    {
        var (status, reply) = await daemon.CallAsync($$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""", credentials);
        Assert.True(status == HttpStatusCode.OK, $"{method}: {reply}");
        return reply.GetProperty("result");
    }

    /// <summary>The error object of a call that must fail.</summary>
    public async Task<(int Code, string Message)> ErrorAsync(string method, string parameters = "")
    {
        var (_, reply) = await daemon.CallAsync($$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""", credentials);
        var error = reply.GetProperty("error");
        Assert.Equal(JsonValueKind.Object, error.ValueKind);
        return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
    }

    public ValueTask DisposeAsync() => daemon.DisposeAsync();

    /// <summary>Starts a regtest daemon on free ports in <paramref name="folder"/> and waits for its cookie and RPC.</summary>
    public static async Task<DaemonRpc> StartRegtestAsync(string folder, params string[] extra)
    {
        var port = DaemonProcess.FreePort();
        var cookiePath = Path.Combine(folder, "regtest", ".cookie");
        var daemon = DaemonProcess.Start(port, ["-regtest", $"-datadir={folder}", $"-rpcport={port}", .. extra]);
        await daemon.WaitUntilReadyAsync(() => File.Exists(cookiePath) ? File.ReadAllText(cookiePath) : null, TimeSpan.FromSeconds(30));
        return new DaemonRpc(daemon, File.ReadAllText(cookiePath));
    }
}
