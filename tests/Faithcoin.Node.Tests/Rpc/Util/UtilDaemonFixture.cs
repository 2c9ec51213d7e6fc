using System.Net;
using System.Text.Json;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Rpc.Util;

/// <summary>One real regtest faithcoind shared by the raw transaction and util end-to-end tests.</summary>
public sealed class UtilDaemonFixture : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private DaemonProcess? daemon;
    private string credentials = string.Empty;

    public async Task InitializeAsync()
    {
        var port = DaemonProcess.FreePort();
        var cookie = data.Combine("regtest", ".cookie");
        daemon = DaemonProcess.Start(port, "-regtest", $"-datadir={data.Path}", $"-rpcport={port}");
        await daemon.WaitUntilReadyAsync(() => File.Exists(cookie) ? File.ReadAllText(cookie) : null, TimeSpan.FromSeconds(20));
        credentials = File.ReadAllText(cookie);
    }

    /// <summary>Calls a method with positional parameters given as JSON text; returns the HTTP status and the reply.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(string method, string parameters = "") =>
        daemon!.CallAsync($$"""{"jsonrpc":"1.0","id":1,"method":"{{method}}","params":[{{parameters}}]}""", credentials);

    public async Task<JsonElement> ResultAsync(string method, string parameters = "")
    {
        var (status, body) = await CallAsync(method, parameters);
        Assert.True(status == HttpStatusCode.OK, $"{method}: {status} {body}");
        return body.GetProperty("result");
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
