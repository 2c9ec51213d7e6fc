using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Rpc.Http;

/// <summary>Several -rpcbind addresses with their own ports, honoured only together with -rpcallowip, in the real faithcoind.</summary>
[Collection(DaemonCollection.Name)]
public sealed class HttpBindTests
{
    private static async Task<bool> AnswersAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/")
        {
            Content = new StringContent("""{"method":"getblockcount","id":1}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(HttpDaemon.Credentials)));
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<DaemonProcess> StartAsync(TempDirectory data, int rpcPort, params string[] args)
    {
        var daemon = DaemonProcess.Start(rpcPort, ["-regtest", $"-datadir={data.Path}", $"-rpcport={rpcPort}", $"-rpcauth={HttpDaemon.RpcAuth}", .. args]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var log = data.Combine("regtest", "debug.log");
        while (!(File.Exists(log) && (await File.ReadAllTextAsync(log)).Contains("Done loading", StringComparison.Ordinal)))
        {
            Assert.False(daemon.HasExited, daemon.Stderr);
            Assert.True(DateTime.UtcNow < deadline, "faithcoind did not finish loading");
            await Task.Delay(50);
        }

        return daemon;
    }

    [Fact]
    public async Task EveryRpcBindIsListenedOnWhenRpcAllowIpIsSet()
    {
        using var data = new TempDirectory();
        var (rpcPort, first, second) = (DaemonProcess.FreePort(), DaemonProcess.FreePort(), DaemonProcess.FreePort());
        await using var daemon = await StartAsync(data, rpcPort,
            "-rpcallowip=10.0.0.0/255.0.0.0", $"-rpcbind=127.0.0.1:{first}", $"-rpcbind=127.0.0.1:{second}");
        Assert.True(await AnswersAsync(first));
        Assert.True(await AnswersAsync(second));
        Assert.False(await AnswersAsync(rpcPort));
    }

    [Fact]
    public async Task RpcBindWithoutRpcAllowIpIsIgnoredWithAWarning()
    {
        using var data = new TempDirectory();
        var (rpcPort, bound) = (DaemonProcess.FreePort(), DaemonProcess.FreePort());
        await using var daemon = await StartAsync(data, rpcPort, $"-rpcbind=127.0.0.1:{bound}");
        Assert.True(await AnswersAsync(rpcPort));
        Assert.False(await AnswersAsync(bound));
        var log = await File.ReadAllTextAsync(data.Combine("regtest", "debug.log"));
        Assert.Contains("-rpcbind was ignored because -rpcallowip was not specified", log, StringComparison.Ordinal);
    }
}
