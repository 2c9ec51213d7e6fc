using System.Net;
using Faithcoin.P2P.Net;
using Faithcoin.P2P.Tests.Infrastructure;

namespace Faithcoin.P2P.Tests.Net;

/// <summary>The controls the RPC network category uses: added nodes, network on/off, disconnect, subnet bans, totals.</summary>
public sealed class OperatorControlTests
{
    [Fact]
    public async Task AddedNodesAreListedConnectedAndRemovable()
    {
        await using var server = TestNode.Start();
        await using var client = TestNode.Start();
        var name = server.Endpoint.ToString();
        Assert.True(client.Node.AddNode(name));
        Assert.False(client.Node.AddNode(name));
        Assert.Equal([name], client.Node.AddedNodes);
        Assert.True(await TestNode.EventuallyAsync(() => client.SinglePeer() is { HandshakeComplete: true, Kind: ConnectionKind.Manual }, TimeSpan.FromSeconds(10)));
        Assert.True(client.Node.RemoveAddedNode(name));
        Assert.False(client.Node.RemoveAddedNode(name));
        Assert.Empty(client.Node.AddedNodes);
    }

    [Fact]
    public async Task NetworkOffDropsPeersAndRefusesNewOnesUntilOnAgain()
    {
        await using var server = TestNode.Start();
        await using var client = TestNode.Start(TestNode.DefaultOptions() with { Connect = [] });
        Assert.True(await client.Node.ConnectAsync(server.Endpoint.ToString()));
        Assert.True(await TestNode.EventuallyAsync(() => server.SinglePeer() is { HandshakeComplete: true }));
        var sentBefore = client.Node.TotalBytesSent;
        Assert.True(sentBefore > 0);

        server.Node.SetNetworkActive(false);
        Assert.False(server.Node.NetworkActive);
        Assert.True(await TestNode.EventuallyAsync(() => server.Node.GetPeers().Count == 0 && client.Node.GetPeers().Count == 0));
        Assert.True(client.Node.TotalBytesSent >= sentBefore, "closed connections still count");
        await client.Node.ConnectAsync(server.Endpoint.ToString());
        Assert.False(await TestNode.EventuallyAsync(() => server.Node.GetPeers().Count > 0, TimeSpan.FromMilliseconds(500)));
        Assert.True(await TestNode.EventuallyAsync(() => client.Node.GetPeers().Count == 0));

        server.Node.SetNetworkActive(true);
        Assert.True(await client.Node.ConnectAsync(server.Endpoint.ToString()));
        Assert.True(await TestNode.EventuallyAsync(() => server.SinglePeer() is { HandshakeComplete: true }));
    }

    [Fact]
    public async Task DisconnectByIdAndByNameAndSubnetBans()
    {
        await using var server = TestNode.Start(TestNode.DefaultOptions() with { BanLocalPeers = true });
        await using var client = TestNode.Start();
        Assert.True(await client.Node.ConnectAsync(server.Endpoint.ToString()));
        Assert.True(await TestNode.EventuallyAsync(() => server.SinglePeer() is { HandshakeComplete: true }));
        Assert.False(server.Node.DisconnectNode(424242));
        Assert.True(client.Node.DisconnectNode(server.Endpoint.ToString()));
        Assert.True(await TestNode.EventuallyAsync(() => server.Node.GetPeers().Count == 0));

        Assert.True(await client.Node.ConnectAsync(server.Endpoint.ToString()));
        Assert.True(await TestNode.EventuallyAsync(() => server.SinglePeer() is { HandshakeComplete: true }));
        Assert.True(server.Node.DisconnectNode(server.SinglePeer()!.Id));
        Assert.True(await TestNode.EventuallyAsync(() => server.Node.GetPeers().Count == 0));

        Assert.True(await client.Node.ConnectAsync(server.Endpoint.ToString()));
        Assert.True(await TestNode.EventuallyAsync(() => server.SinglePeer() is { HandshakeComplete: true }));
        server.Node.Ban(IPNetwork.Parse("127.0.0.0/8"), DateTimeOffset.UtcNow.AddHours(1));
        Assert.True(await TestNode.EventuallyAsync(() => server.Node.GetPeers().Count == 0));
        Assert.True(server.Node.BanList.IsBanned(IPAddress.Parse("127.1.2.3"), DateTimeOffset.UtcNow));
    }
}
