using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Cli;

/// <summary>
/// One regtest faithcoind with cookie authentication (no rpcuser/rpcpassword anywhere), shared by a test class.
/// The RPC port is written in faithcoin.conf, so the client finds it the way a user's client would.
/// </summary>
public sealed class CookieDaemonFixture : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private DaemonProcess? daemon;

    public string DataDir => data.Path;

    public int RpcPort { get; private set; }

    public string CookiePath => data.Combine("regtest", ".cookie");

    public DaemonProcess Daemon => daemon ?? throw new InvalidOperationException("The daemon has not started.");

    public string Cookie => File.ReadAllText(CookiePath);

    /// <summary>The client's arguments for this daemon: the data directory; the conf does the rest.</summary>
    public string DataDirArg => $"-datadir={DataDir}";

    public async Task InitializeAsync()
    {
        RpcPort = DaemonProcess.FreePort();
        await File.WriteAllTextAsync(data.Combine("faithcoin.conf"), $"regtest=1\nrpcport={RpcPort}\n");
        daemon = DaemonProcess.Start(RpcPort, $"-datadir={DataDir}");
        await daemon.WaitUntilReadyAsync(
            () => File.Exists(CookiePath) ? File.ReadAllText(CookiePath) : null, TimeSpan.FromSeconds(20));
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
