using System.Net;
using System.Net.Sockets;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Metrics;

/// <summary>The metrics listener is there only when asked for; a bad or taken port stops the start.</summary>
[Collection(DaemonCollection.Name)]
public sealed class MetricsStartupTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WithoutMetricsPortOnlyRpcAndPeerPortsListen()
    {
        using var data = new TempDirectory();
        var rpcPort = DaemonProcess.FreePort();
        var peerPort = DaemonProcess.FreePort();
        await using var daemon = await StartAsync(data, rpcPort, $"-port={peerPort}");

        var ports = await ListeningPorts.WaitForAsync(daemon.ProcessId, peerPort, TimeSpan.FromSeconds(10));
        Assert.Equal(new SortedSet<int> { rpcPort, peerPort }, new SortedSet<int>(ports));
    }

    [Fact]
    public async Task ReadyzAllowIbdIsReadyAtGenesisOnTheChosenPort()
    {
        using var data = new TempDirectory();
        var rpcPort = DaemonProcess.FreePort();
        var peerPort = DaemonProcess.FreePort();
        var metricsPort = DaemonProcess.FreePort();
        await using var daemon = await StartAsync(data, rpcPort, $"-port={peerPort}", $"-metricsport={metricsPort}", "-readyzallowibd");

        var ports = await ListeningPorts.WaitForAsync(daemon.ProcessId, peerPort, TimeSpan.FromSeconds(10));
        Assert.Equal(new SortedSet<int> { rpcPort, peerPort, metricsPort }, new SortedSet<int>(ports));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/readyz"));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var scrape = new ScrapedMetrics(await http.GetStringAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics")));
        Assert.Equal(1, scrape["faithcoin_initial_block_download"]);
    }

    [Theory]
    [InlineData("-metricsport=abc", "Error: Invalid port specified in -metricsport: 'abc'")]
    [InlineData("-metricsport=0", "Error: Invalid port specified in -metricsport: '0'")]
    [InlineData("-metricsbind=nowhere", "Error: Invalid -metricsbind address: 'nowhere'")]
    public async Task AMalformedValueExits1(string arg, string message)
    {
        using var data = new TempDirectory();
        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync($"-datadir={data.Path}", "-regtest", "-metricsport=9100", arg);
        Assert.Equal(1, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMetricsPortAnotherProcessHoldsExits1()
    {
        using var data = new TempDirectory();
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync(
            $"-datadir={data.Path}", "-regtest", $"-rpcport={DaemonProcess.FreePort()}", $"-metricsport={port}");
        Assert.Equal(1, exitCode);
        Assert.Contains($"Error: Unable to start the metrics server on 127.0.0.1 port {port}", stderr, StringComparison.Ordinal);
    }

    private static async Task<DaemonProcess> StartAsync(TempDirectory data, int rpcPort, params string[] args)
    {
        var cookie = data.Combine("regtest", ".cookie");
        var daemon = DaemonProcess.Start(rpcPort, ["-regtest", $"-datadir={data.Path}", $"-rpcport={rpcPort}", .. args]);
        try
        {
            await daemon.WaitUntilReadyAsync(() => File.Exists(cookie) ? File.ReadAllText(cookie) : null, StartTimeout);
            return daemon;
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }
    }
}
