using System.Net;
using System.Text.Json;
using Faithcoin.P2P.Tests.Proxy;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>-proxy, -onlynet and -listenonion through the real faithcoind, with a SOCKS5 relay in front of a second real node.</summary>
[Collection(DaemonCollection.Name)]
public sealed class ProxyEndToEndTests
{
    private const string PeerName = "peer-a.faithcoin.invalid";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ConnectByNameGoesThroughTheProxyAndGetNetworkInfoShowsProxyAndLimits()
    {
        await using var a = await P2PNodeHandle.StartAsync("-printtoconsole");
        await using var socks = new Socks5TestServer { Route = host => host == PeerName ? new IPEndPoint(IPAddress.Loopback, a.P2PPort) : null };
        await using var b = await P2PNodeHandle.StartAsync(
            $"-proxy={socks.Endpoint}", $"-connect={PeerName}:{a.P2PPort}", "-onlynet=ipv4");

        await b.WaitForAsync(async () => (await b.ResultAsync("getconnectioncount")).GetInt32() == 1, Timeout, "B connected through the proxy");
        await a.WaitForAsync(async () => (await a.ResultAsync("getconnectioncount")).GetInt32() == 1, Timeout, "A sees B");
        var request = Assert.Single(socks.Requests);
        Assert.Equal(((byte)0x03, PeerName, a.P2PPort), (request.AddressType, request.Host, request.Port));
        var peer = Assert.Single((await b.ResultAsync("getpeerinfo")).EnumerateArray());
        Assert.Equal($"{PeerName}:{a.P2PPort}", peer.GetProperty("addr").GetString());

        var proxy = socks.Endpoint.ToString();
        var networks = await NetworksAsync(b);
        Assert.Equal(["ipv4", "ipv6", "onion"], networks.Keys);
        Assert.Equal((false, true, proxy, true), networks["ipv4"]);
        Assert.Equal((true, false, proxy, true), networks["ipv6"]);

        // 0.15 limits the networks -onlynet leaves out first, then -proxy makes onion reachable again.
        Assert.Equal((false, true, proxy, true), networks["onion"]);

        var direct = await NetworksAsync(a);
        Assert.Equal((false, true, string.Empty, false), direct["ipv4"]);
        Assert.Equal((false, true, string.Empty, false), direct["ipv6"]);
        Assert.Equal((true, false, string.Empty, false), direct["onion"]);
        Assert.Contains("tor: Not connected to Tor control port 127.0.0.1:9051", a.Daemon.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnionProxyNoOnionAndNoRandomizeAreShown()
    {
        await using var node = await P2PNodeHandle.StartAsync(
            "-proxy=127.0.0.1:9999", "-onion=[::1]:9998", "-proxyrandomize=0", "-connect=0");
        var networks = await NetworksAsync(node);
        Assert.Equal((false, true, "127.0.0.1:9999", false), networks["ipv4"]);
        Assert.Equal((false, true, "[::1]:9998", false), networks["onion"]);

        await using var noOnion = await P2PNodeHandle.StartAsync("-proxy=127.0.0.1:9999", "-noonion", "-connect=0");
        Assert.Equal((true, false, "127.0.0.1:9999", true), (await NetworksAsync(noOnion))["onion"]);
    }

    [Fact]
    public async Task AnInvalidProxyStopsTheStart()
    {
        using var data = new TempDirectory();
        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync($"-datadir={data.Path}", "-regtest", "-proxy=no-such-proxy.invalid", "-dns=0");
        Assert.Equal(1, exitCode);
        Assert.Contains("Invalid -proxy address or hostname: 'no-such-proxy.invalid'", stderr, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, (bool Limited, bool Reachable, string Proxy, bool Randomize)>> NetworksAsync(P2PNodeHandle node)
    {
        var info = await node.ResultAsync("getnetworkinfo");
        return info.GetProperty("networks").EnumerateArray().ToDictionary(
            n => n.GetProperty("name").GetString()!,
            n => (n.GetProperty("limited").GetBoolean(), n.GetProperty("reachable").GetBoolean(),
                n.GetProperty("proxy").GetString()!, n.GetProperty("proxy_randomize_credentials").GetBoolean()));
    }
}
