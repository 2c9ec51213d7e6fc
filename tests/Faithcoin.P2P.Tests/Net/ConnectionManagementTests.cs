using System.Net;
using System.Net.Sockets;
using Faithcoin.P2P.Net;
using Faithcoin.P2P.Tests.Infrastructure;

namespace Faithcoin.P2P.Tests.Net;

public sealed class ConnectionManagementTests
{
    [Fact]
    public async Task ListenerAcceptsAsSoonAsStartReturns()
    {
        await using var node = TestNode.Start();
        using var probe = new TcpClient();

        // The socket is bound and listening when Start returns, so the kernel completes the handshake at once.
        await probe.ConnectAsync(node.Endpoint).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(probe.Connected);
    }

    [Fact]
    public async Task InboundPeersOverTheLimitAreDropped()
    {
        // 10 connections, 8 outbound and 1 feeler slot: one inbound slot.
        var options = TestNode.DefaultOptions() with { MaxConnections = 10 };
        await using var node = TestNode.Start(options);
        await using var first = await RawPeer.ConnectAsync(node.Endpoint);
        await first.HandshakeAsync();

        await using var second = await RawPeer.ConnectAsync(node.Endpoint);

        Assert.True(await second.WaitForDisconnectAsync());
        await first.SyncWithPingAsync();
    }

    [Fact]
    public async Task ConnectOptionConnectsOnlyToTheNamedPeer()
    {
        await using var server = TestNode.Start();
        var options = TestNode.DefaultOptions() with { Connect = [server.Endpoint.ToString()], SeedNode = ["127.0.0.1:1"] };
        await using var client = TestNode.Start(options);

        Assert.True(await TestNode.EventuallyAsync(() => client.SinglePeer() is { HandshakeComplete: true, Kind: ConnectionKind.Manual }));
    }

    [Fact]
    public async Task ConnectZeroMakesNoOutboundConnectionsNotEvenToSeedNodes()
    {
        await using var server = TestNode.Start();
        var options = TestNode.DefaultOptions() with { Connect = [], SeedNode = [server.Endpoint.ToString()] };
        await using var client = TestNode.Start(options);

        await Task.Delay(700);

        Assert.Empty(client.Node.GetPeers());
        Assert.Empty(server.Node.GetPeers());
    }

    [Fact]
    public async Task AddedNodeIsRetriedUntilItComesUp()
    {
        var port = FreePort();
        var options = TestNode.DefaultOptions() with { AddNode = [$"127.0.0.1:{port}"], AddNodeRetryInterval = TimeSpan.FromMilliseconds(200) };
        await using var client = TestNode.Start(options);
        await Task.Delay(300);
        Assert.Empty(client.Node.GetPeers());

        await using var server = TestNode.Start(TestNode.DefaultOptions(port));

        Assert.True(await TestNode.EventuallyAsync(() => client.SinglePeer() is { HandshakeComplete: true }, TimeSpan.FromSeconds(8)));
    }

    [Fact]
    public async Task SeedNodeIsAskedForAddressesThenDropped()
    {
        await using var seed = TestNode.Start();
        // Ten addresses in ten groups: a getaddr answer is 23% of them, two. 250/8 is routable for 0.15 but never answers.
        seed.Node.Addresses.Add(
            Enumerable.Range(1, 10).Select(i => new NBitcoin.Protocol.NetworkAddress(IPAddress.Parse($"250.{i}.1.1"), 19444)
            {
                Time = DateTimeOffset.UtcNow,
                Services = NBitcoin.Protocol.NodeServices.Network,
            }).ToList(),
            IPAddress.Loopback);
        var options = TestNode.DefaultOptions() with { Connect = null, SeedNode = [seed.Endpoint.ToString()] };
        await using var client = TestNode.Start(options);

        Assert.True(await TestNode.EventuallyAsync(() => client.Node.Addresses.Count == 2));
        Assert.True(await TestNode.EventuallyAsync(() => client.Node.GetPeers().Count == 0 && seed.Node.GetPeers().Count == 0));
    }

    [Fact]
    public async Task StoppingClosesEveryConnection()
    {
        var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await node.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(await peer.WaitForDisconnectAsync());
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
