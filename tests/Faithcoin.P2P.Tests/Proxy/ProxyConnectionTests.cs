using System.Net;
using Faithcoin.P2P.Net.Socks;
using Faithcoin.P2P.Tests.Infrastructure;

namespace Faithcoin.P2P.Tests.Proxy;

/// <summary>
/// Outbound connections through a real SOCKS5 server on loopback in front of a real node. The targets are public
/// addresses or names the server routes to the node: 0.15 dials local addresses directly, proxy or not.
/// </summary>
public sealed class ProxyConnectionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AddressGoesThroughTheProxyAsItsTextAndTheHandshakeCompletes()
    {
        await using var server = TestNode.Start();
        await using var socks = new Socks5TestServer(server.Endpoint);
        await using var client = TestNode.Start(ClientOptions(socks, ["8.8.8.8:19444"], randomize: false));

        Assert.True(await TestNode.EventuallyAsync(() => client.SinglePeer() is { HandshakeComplete: true }, Wait));
        var request = Assert.Single(socks.Requests);
        Assert.Equal((0x03, "8.8.8.8", 19444), (request.AddressType, request.Host, request.Port));
        Assert.Equal([0x00], request.Methods);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("8.8.8.8"), 19444), client.SinglePeer()!.RemoteEndPoint);
        Assert.Single(server.Node.GetPeers());
    }

    [Fact]
    public async Task NameIsHandedToTheProxyWithoutLookingItUp()
    {
        await using var server = TestNode.Start();
        await using var socks = new Socks5TestServer();
        socks.Route = host => host == "peer.faithcoin.invalid" ? server.Endpoint : null;
        await using var client = TestNode.Start(ClientOptions(socks, ["peer.faithcoin.invalid:19444"], randomize: false));

        Assert.True(await TestNode.EventuallyAsync(() => client.SinglePeer() is { HandshakeComplete: true }, Wait));
        var request = Assert.Single(socks.Requests);
        Assert.Equal((0x03, "peer.faithcoin.invalid", 19444), (request.AddressType, request.Host, request.Port));
        Assert.Equal("peer.faithcoin.invalid:19444", client.SinglePeer()!.AddressName);
    }

    [Fact]
    public async Task RandomizedCredentialsDifferForEveryConnection()
    {
        await using var server = TestNode.Start();
        await using var socks = new Socks5TestServer(server.Endpoint) { WantsCredentials = true };
        await using var client = TestNode.Start(ClientOptions(socks, ["8.8.8.8:19444", "9.9.9.9:19444"], randomize: true));

        Assert.True(await TestNode.EventuallyAsync(() => client.Node.GetPeers().Count(p => p.HandshakeComplete) == 2, Wait));
        var requests = socks.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal([0x00, 0x02], r.Methods));
        Assert.All(requests, r => Assert.Equal(r.Username, r.Password));
        Assert.NotEqual(requests[0].Username, requests[1].Username);
        Assert.All(requests, r => Assert.False(string.IsNullOrEmpty(r.Username)));
    }

    [Fact]
    public async Task RefusedConnectionFailsCleanlyAndTheSlotIsTriedAgain()
    {
        await using var server = TestNode.Start();
        await using var socks = new Socks5TestServer(server.Endpoint);
        var asked = 0;
        socks.Answer = _ => Interlocked.Increment(ref asked) <= 2 ? (byte)0x05 : (byte)0x00;
        await using var client = TestNode.Start(ClientOptions(socks, ["8.8.8.8:19444"], randomize: false));

        Assert.True(await TestNode.EventuallyAsync(() => client.SinglePeer() is { HandshakeComplete: true }, Wait));
        Assert.True(socks.Requests.Count >= 3);
        Assert.Single(server.Node.GetPeers());
    }

    [Fact]
    public async Task SilentProxyTimesOutAndDoesNotHoldTheSlot()
    {
        await using var socks = new Socks5TestServer { Silent = true };
        var options = ClientOptions(socks, ["8.8.8.8:19444"], randomize: false);
        var client = TestNode.Start(options with { Proxies = options.Proxies with { ReceiveTimeout = TimeSpan.FromMilliseconds(300) } });

        // Each attempt gives up after the receive timeout, so the -connect loop dials the proxy again.
        Assert.True(await TestNode.EventuallyAsync(() => socks.Connections >= 3, Wait));
        Assert.Empty(client.Node.GetPeers());
        await client.DisposeAsync().AsTask().WaitAsync(Wait);
    }

    [Fact]
    public async Task UnreachableProxyFailsCleanly()
    {
        await using var server = TestNode.Start();
        var closedPort = new IPEndPoint(IPAddress.Loopback, FreePort());
        var options = TestNode.DefaultOptions() with
        {
            Connect = ["8.8.8.8:19444"],
            Proxies = new ProxyOptions { Proxy = new SocksProxy(closedPort, false) },
        };
        var client = TestNode.Start(options);
        await Task.Delay(700);

        Assert.Empty(client.Node.GetPeers());
        Assert.Empty(server.Node.GetPeers());
        await client.DisposeAsync().AsTask().WaitAsync(Wait);
    }

    [Fact]
    public async Task LocalAddressesAreDialledDirectlyAsIn015()
    {
        await using var server = TestNode.Start();
        await using var socks = new Socks5TestServer(server.Endpoint);
        await using var client = TestNode.Start(ClientOptions(socks, [server.Endpoint.ToString()], randomize: true));

        Assert.True(await TestNode.EventuallyAsync(() => client.SinglePeer() is { HandshakeComplete: true }, Wait));
        Assert.Equal(0, socks.Connections);
    }

    [Fact]
    public async Task WithoutNameLookupAndWithoutProxyNamesAreNotDialled()
    {
        await using var server = TestNode.Start();
        var name = $"localhost:{server.Endpoint.Port}";
        await using var noLookup = TestNode.Start(TestNode.DefaultOptions() with
        {
            Connect = [name],
            Proxies = new ProxyOptions { NameLookup = false },
        });
        await using var lookup = TestNode.Start(TestNode.DefaultOptions() with { Connect = [name] });

        Assert.True(await TestNode.EventuallyAsync(() => lookup.SinglePeer() is { HandshakeComplete: true }, Wait));
        await Task.Delay(500);
        Assert.Empty(noLookup.Node.GetPeers());
    }

    private static P2POptions ClientOptions(Socks5TestServer socks, IReadOnlyList<string> connect, bool randomize) =>
        TestNode.DefaultOptions() with
        {
            Connect = connect,
            Proxies = new ProxyOptions { Proxy = new SocksProxy(socks.Endpoint, randomize) },
        };

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
