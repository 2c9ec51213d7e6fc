using System.Text.Json;
using Faithcoin.Node.Tests.Cli;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// faithcoin-cli's -regtest and -testnet against a regtest and a testnet faithcoind sharing one data directory: the
/// flag picks the network's folder, so the cookie of that network's daemon, as the original client does.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class Issue5AuditCliNetworkEndToEndTests
{
    private static async Task<DaemonProcess> StartAsync(TempDirectory data, string network, string folder)
    {
        var port = DaemonProcess.FreePort();
        var cookie = data.Combine(folder, ".cookie");
        var daemon = DaemonProcess.Start(port, network, $"-datadir={data.Path}", $"-rpcport={port}");
        await daemon.WaitUntilReadyAsync(() => File.Exists(cookie) ? File.ReadAllText(cookie) : null, TimeSpan.FromSeconds(30));
        return daemon;
    }

    private static string Chain(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.GetProperty("chain").GetString()!;
    }

    [Fact]
    public async Task RegtestAndTestnetFlagsReachTheirNetworksDaemon()
    {
        using var data = new TempDirectory();
        await using var regtest = await StartAsync(data, "-regtest", "regtest");
        await using var testnet = await StartAsync(data, "-testnet", "testnet4");
        var dataDir = $"-datadir={data.Path}";

        Assert.Equal("regtest", Chain(await CliProcess.RunAsync(dataDir, "-regtest", $"-rpcport={regtest.RpcPort}", "getblockchaininfo")));
        Assert.Equal("test", Chain(await CliProcess.RunAsync(dataDir, "-testnet", $"-rpcport={testnet.RpcPort}", "getblockchaininfo")));

        // The other network's cookie does not open this daemon: the flag chose the folder the cookie was read from.
        var crossed = await CliProcess.RunAsync(dataDir, "-regtest", $"-rpcport={testnet.RpcPort}", "getblockcount");
        Assert.Equal("error: incorrect rpcuser or rpcpassword (authorization failed)\n", crossed.Stderr);
        Assert.Equal(1, crossed.ExitCode);

        // Without a flag the client is on main, whose cookie would be in the data directory itself.
        var main = await CliProcess.RunAsync(dataDir, $"-rpcport={regtest.RpcPort}", "getblockcount");
        Assert.StartsWith("error: Could not locate RPC credentials.", main.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, main.ExitCode);

        // setmocktime is for regtest only: 0.15's runtime error, printed and returned as the client does.
        var mock = await CliProcess.RunAsync(dataDir, "-testnet", $"-rpcport={testnet.RpcPort}", "setmocktime", "1");
        Assert.Equal("error code: -1\nerror message:\nsetmocktime for regression testing (-regtest mode) only\n", mock.Stderr);
        Assert.Equal(1, mock.ExitCode);

        var both = await CliProcess.RunAsync(dataDir, "-regtest", "-testnet", "getblockcount");
        Assert.Equal("Error: Invalid combination of -regtest and -testnet.\n", both.Stderr);
        Assert.Equal(1, both.ExitCode);
    }
}
