using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Cli;

/// <summary>
/// rpcuser/rpcpassword from faithcoin.conf, shared by faithcoind and faithcoin-cli, and -rpcwait: the client is
/// started before the daemon and keeps trying (through refused connections and the -28 warm-up) until it answers.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class CliPasswordAndWaitTests
{
    [Fact]
    public async Task RpcWaitOutlastsALateDaemonAndConfCredentialsAreUsed()
    {
        using var data = new TempDirectory();
        var port = DaemonProcess.FreePort();
        await File.WriteAllTextAsync(
            data.Combine("faithcoin.conf"),
            $"# shared by faithcoind and faithcoin-cli\nregtest=1\nrpcport={port}\nrpcuser=alice  # comment\nrpcpassword=s3cret\n");

        var waiting = CliProcess.RunAsync(null, TimeSpan.FromSeconds(60), $"-datadir={data.Path}", "-rpcwait", "getblockhash", "0");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(waiting.IsCompleted, "the client gave up before the daemon started");

        await using var daemon = DaemonProcess.Start(port, $"-datadir={data.Path}");
        var run = await waiting;
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal("2f2a3df80323d97e3fc6700da36761482389e5f8982ed2e0425420479e36928d\n", run.Stdout);
        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(data.Combine("regtest", ".cookie")), "with a password the daemon writes no cookie");

        var wrong = await CliProcess.RunAsync($"-datadir={data.Path}", "-rpcpassword=wrong", "getblockcount");
        Assert.Equal("error: incorrect rpcuser or rpcpassword (authorization failed)\n", wrong.Stderr);
        Assert.Equal(1, wrong.ExitCode);

        var withoutWait = await CliProcess.RunAsync($"-datadir={data.Path}", $"-rpcport={DaemonProcess.FreePort()}", "getblockcount");
        Assert.StartsWith("error: couldn't connect to server: ", withoutWait.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, withoutWait.ExitCode);
    }
}
