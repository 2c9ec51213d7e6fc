namespace Faithcoin.Node.Tests.Cli;

/// <summary>faithcoin-cli's own start (AppInitRPC): usage, version and the errors printed before any call is made.</summary>
public sealed class CliStartupTests
{
    [Fact]
    public async Task NoArgumentsPrintUsageAndTooFewParameters()
    {
        var run = await CliProcess.RunAsync();
        Assert.StartsWith("Faithcoin Core RPC client version v0.15.0.1\n\nUsage:\n  faithcoin-cli [options] <command> [params]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n  -rpcclienttimeout=<n>\n       Timeout during HTTP requests (default: 900)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("Error: too few parameters\n", run.Stderr);
        Assert.Equal(1, run.ExitCode);
    }

    [Theory]
    [InlineData("-?")]
    [InlineData("-h")]
    [InlineData("--help")]
    public async Task HelpPrintsUsageAndExitsZero(string option)
    {
        var run = await CliProcess.RunAsync(option);
        Assert.Contains("\nOptions:\n\n  -?\n       This help message\n", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task VersionPrintsTheBannerOnly()
    {
        var run = await CliProcess.RunAsync("-version", "getblockcount");
        Assert.Equal("Faithcoin Core RPC client version v0.15.0.1\n", run.Stdout);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task OptionsWithoutACommandAreTooFewParameters()
    {
        using var data = new TempDirectory();
        var run = await CliProcess.RunAsync($"-datadir={data.Path}", "-regtest");
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal("error: too few parameters (need at least command)\n", run.Stderr);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task RpcWaitDoesNotWaitForAMissingCookie()
    {
        // 0.15 treats missing credentials as final: only connection failures and warm-up are retried.
        using var data = new TempDirectory();
        var run = await CliProcess.RunAsync(null, TimeSpan.FromSeconds(15), $"-datadir={data.Path}", "-regtest", "-rpcwait", "getblockcount");
        Assert.StartsWith("error: Could not locate RPC credentials. No authentication cookie could be found", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task AMissingDataDirectoryIsRefused()
    {
        using var data = new TempDirectory();
        var missing = data.Combine("nope");
        var run = await CliProcess.RunAsync($"-datadir={missing}", "getblockcount");
        Assert.Equal($"Error: Specified data directory \"{missing}\" does not exist.\n", run.Stderr);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task RegtestWithTestnetIsRefusedEvenFromTheConfFile()
    {
        using var data = new TempDirectory();
        await File.WriteAllTextAsync(data.Combine("faithcoin.conf"), "testnet=1\n");
        var run = await CliProcess.RunAsync($"-datadir={data.Path}", "-regtest", "getblockcount");
        Assert.Equal("Error: Invalid combination of -regtest and -testnet.\n", run.Stderr);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task ABadConfLineIsRefusedWithItsPlace()
    {
        using var data = new TempDirectory();
        var conf = data.Combine("faithcoin.conf");
        await File.WriteAllTextAsync(conf, "regtest=1\n[main]\n");
        var run = await CliProcess.RunAsync($"-datadir={data.Path}", "getblockcount");
        Assert.Equal($"Error reading configuration file: {conf}:2: invalid line '[main]'\n", run.Stderr);
        Assert.Equal(1, run.ExitCode);
    }
}
