using System.Net;
using System.Text.Json;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// One regtest faithcoind for <see cref="OptionsEndToEndTests"/>, started with a faithcoin.conf that sets a wallet and
/// a ZMQ option (ignored), -uacomment and -blocknotify, and with -mocktime, -debug=1 and -debugexclude=rpc on the
/// command line.
/// </summary>
public sealed class OptionsDaemonFixture : IAsyncLifetime
{
    public const long MockTime = 1_700_000_000;
    public const string Credentials = "options:secret";

    private readonly TempDirectory data = new();
    private DaemonProcess? daemon;

    public DaemonProcess Daemon => daemon ?? throw new InvalidOperationException("not started");

    public string BlockNotifyFile => data.Combine("notified.txt");

    public string DebugLogPath => data.Combine("regtest", "debug.log");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(data.Combine("faithcoin.conf"),
            "paytxfee=0.1\n" +
            "zmqpubrawtx=tcp://127.0.0.1:28332\n" +
            "uacomment=options-e2e\n" +
            $"blocknotify=echo %s >> {BlockNotifyFile}\n");
        var port = DaemonProcess.FreePort();
        daemon = DaemonProcess.Start(
            port, "-regtest", $"-datadir={data.Path}", $"-rpcport={port}", "-rpcuser=options", "-rpcpassword=secret",
            $"-mocktime={MockTime}", "-debug=1", "-debugexclude=rpc");
        await daemon.WaitUntilReadyAsync(() => Credentials, TimeSpan.FromSeconds(30));
    }

    public async Task<JsonElement> ResultAsync(string method, string parameters = "")
    {
        var (status, reply) = await Daemon.CallAsync($$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""", Credentials);
        Assert.True(status == HttpStatusCode.OK, $"{method}: {reply}");
        return reply.GetProperty("result");
    }

    public async Task<(int Code, string Message)> ErrorAsync(string method, string parameters = "")
    {
        var (_, reply) = await Daemon.CallAsync($$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""", Credentials);
        var error = reply.GetProperty("error");
        return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
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
