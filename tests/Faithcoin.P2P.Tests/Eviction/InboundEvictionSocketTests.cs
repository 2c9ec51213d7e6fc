using Faithcoin.P2P.Tests.Infrastructure;

namespace Faithcoin.P2P.Tests.Eviction;

/// <summary>AcceptConnection with the inbound slots full: a peer is evicted when one is not protected, else the newcomer is refused.</summary>
public sealed class InboundEvictionSocketTests
{
    [Fact]
    public async Task AFullNodeEvictsAnInboundPeerToAdmitANewOne()
    {
        // 30 connections less 8 outbound and the feeler slot: 21 inbound, one more than the 20 eviction protects.
        await using var node = TestNode.Start(TestNode.DefaultOptions() with { MaxConnections = 30 });
        await using var inbound = await InboundPeerGroup.ConnectAsync(node, 21);

        await using var newcomer = await RawPeer.ConnectAsync(node.Endpoint);
        await newcomer.HandshakeAsync();
        await newcomer.SyncWithPingAsync();

        var closed = await Task.WhenAll(inbound.Peers.Select(p => p.WaitForDisconnectAsync(TimeSpan.FromSeconds(2))));
        Assert.Equal(1, closed.Count(c => c));
        Assert.True(await TestNode.EventuallyAsync(() => node.Node.GetPeers().Count == 21));
    }

    [Fact]
    public async Task WhitelistedPeersAreNeverEvicted()
    {
        // The same 21 inbound peers as above, all whitelisted: there is no candidate, so the newcomer is refused.
        var options = TestNode.DefaultOptions() with { MaxConnections = 30, Whitelist = [System.Net.IPNetwork.Parse("127.0.0.0/8")] };
        await using var node = TestNode.Start(options);
        await using var inbound = await InboundPeerGroup.ConnectAsync(node, 21);
        await using var newcomer = await RawPeer.ConnectAsync(node.Endpoint);

        Assert.True(await newcomer.WaitForDisconnectAsync());
        Assert.Equal(21, node.Node.GetPeers().Count);
    }

    [Fact]
    public async Task WhenEveryInboundPeerIsProtectedTheNewcomerIsRefused()
    {
        // 13 connections: 4 inbound slots, and four peers are all kept by their keyed netgroup.
        await using var node = TestNode.Start(TestNode.DefaultOptions() with { MaxConnections = 13 });
        await using var inbound = await InboundPeerGroup.ConnectAsync(node, 4);
        await using var newcomer = await RawPeer.ConnectAsync(node.Endpoint);

        Assert.True(await newcomer.WaitForDisconnectAsync());
        await inbound.Peers[0].HandshakeAsync();
        Assert.Equal(4, node.Node.GetPeers().Count);
    }
}
