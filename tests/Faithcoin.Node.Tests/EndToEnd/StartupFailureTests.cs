namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>faithcoind refusing to start, or only printing, with the original's exit codes and messages.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task ABadConfLineExits1NamingFileAndLine()
    {
        using var data = new TempDirectory();
        await File.WriteAllTextAsync(data.Combine("faithcoin.conf"), "regtest=1\nthis is not a setting\n");
        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync($"-datadir={data.Path}");
        Assert.Equal(1, exitCode);
        Assert.Contains(data.Combine("faithcoin.conf") + ":2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegtestWithTestnetExits1()
    {
        using var data = new TempDirectory();
        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync($"-datadir={data.Path}", "-regtest", "-testnet");
        Assert.Equal(1, exitCode);
        Assert.Contains("Error: Invalid combination of -regtest and -testnet.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingDataDirectoryExits1()
    {
        using var data = new TempDirectory();
        var missing = data.Combine("missing");
        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync($"-datadir={missing}", "-regtest");
        Assert.Equal(1, exitCode);
        Assert.Contains($"Error: Specified data directory \"{missing}\" does not exist.", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task AMalformedPortExits1()
    {
        using var data = new TempDirectory();
        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync($"-datadir={data.Path}", "-regtest", "-rpcport=abc");
        Assert.Equal(1, exitCode);
        Assert.Contains("Invalid port specified in -rpcport: 'abc'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APeerPortAlreadyInUseExits1()
    {
        using var data = new TempDirectory();
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        using var holder6 = new System.Net.Sockets.Socket(
            System.Net.Sockets.AddressFamily.InterNetworkV6, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        holder6.DualMode = false;
        holder6.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.IPv6Any, port));
        holder6.Listen();

        // Another program (or a second faithcoind) owns the peer port: like the original, refuse to start.
        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync(
            $"-datadir={data.Path}", "-regtest", $"-port={port}", $"-rpcport={DaemonProcess.FreePort()}");
        Assert.Equal(1, exitCode);
        Assert.Contains("Failed to listen on any port", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionPrintsAndExits0()
    {
        var (exitCode, stdout, _) = await DaemonProcess.RunToExitAsync("-version");
        Assert.Equal(0, exitCode);
        Assert.StartsWith("Faithcoin Core Daemon version v0.15.0.1\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpPrintsUsageAndExits0()
    {
        var (exitCode, stdout, _) = await DaemonProcess.RunToExitAsync("-?");
        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:\n  faithcoind [options]", stdout, StringComparison.Ordinal);
        Assert.Contains("  -rpcallowip=<ip>\n", stdout, StringComparison.Ordinal);
    }
}
