using System.Net;
using Faithcoin.P2P.Peers;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P.Tests.Peers;

public sealed class BanTests
{
    [Fact]
    public async Task ScoreOf100DisconnectsBansAndRefusesReconnection()
    {
        var options = TestNode.DefaultOptions() with { BanLocalPeers = true };
        await using var node = TestNode.Start(options);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        for (var i = 0; i < 5; i++)
        {
            await peer.SendAsync(NetCommands.Inv, Payloads.InventoryList(50001));
        }

        Assert.True(await peer.WaitForDisconnectAsync());
        var entry = Assert.Single(node.Node.BanList.GetEntries(DateTimeOffset.UtcNow));
        Assert.Equal(IPNetwork.Parse("127.0.0.1/32"), entry.Subnet);
        Assert.Equal(BanReason.NodeMisbehaving, entry.Reason);
        Assert.InRange((entry.BannedUntil - entry.Created).TotalSeconds, 86399, 86401);

        await using var again = await RawPeer.ConnectAsync(node.Endpoint);
        Assert.True(await again.WaitForDisconnectAsync(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task LocalPeersAreDisconnectedButNotBannedByDefault()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        for (var i = 0; i < 5; i++)
        {
            await peer.SendAsync(NetCommands.Inv, Payloads.InventoryList(50001));
        }

        Assert.True(await peer.WaitForDisconnectAsync());
        Assert.Empty(node.Node.BanList.GetEntries(DateTimeOffset.UtcNow));
        await using var again = await RawPeer.ConnectAsync(node.Endpoint);
        await again.HandshakeAsync();
    }

    [Fact]
    public async Task WhitelistedPeersAreNeverPunished()
    {
        var options = TestNode.DefaultOptions() with { BanLocalPeers = true, Whitelist = [IPNetwork.Parse("127.0.0.0/8")] };
        await using var node = TestNode.Start(options);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        for (var i = 0; i < 6; i++)
        {
            await peer.SendAsync(NetCommands.Inv, Payloads.InventoryList(50001));
        }

        await peer.SyncWithPingAsync();
        Assert.Equal(120, node.SinglePeer()!.Misbehaviour);
        Assert.Empty(node.Node.BanList.GetEntries(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task CustomBanScoreIsHonoured()
    {
        var options = TestNode.DefaultOptions() with { BanScore = 20, BanLocalPeers = true };
        await using var node = TestNode.Start(options);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.Addr, Payloads.Addr(1001));

        Assert.True(await peer.WaitForDisconnectAsync());
        Assert.Single(node.Node.BanList.GetEntries(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task BanListIsSavedAndLoadedByTheNextNode()
    {
        var path = Path.Combine(Path.GetTempPath(), $"banlist-{Guid.NewGuid():N}.json");
        try
        {
            var options = TestNode.DefaultOptions() with { BanListPath = path };
            await using (var first = TestNode.Start(options))
            {
                first.Node.Ban(IPAddress.Loopback);
                await first.Node.RunMaintenanceAsync();
                Assert.True(File.Exists(path));
            }

            await using var second = TestNode.Start(options);
            await using var peer = await RawPeer.ConnectAsync(second.Endpoint);
            Assert.True(await peer.WaitForDisconnectAsync(TimeSpan.FromSeconds(2)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
