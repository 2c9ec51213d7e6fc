using System.Net;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Tests.Relay;
using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P.Tests.AddressRelay;

/// <summary>RelayAddress through a real node: fresh, routable addresses from small addr messages reach two peers.</summary>
public sealed class AddressRelayTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task FreshAddressesReachOneOrTwoOtherPeersAndNeverTheSender()
    {
        await using var node = TestNode.Start();
        var peers = new List<RawPeer>();
        for (var i = 0; i < 5; i++)
        {
            peers.Add(await RelayPeers.ConnectAsync(node));
        }

        try
        {
            var sender = peers[0];
            var sent = AddrTraffic.Routable(10);
            await sender.SendAsync(NetCommands.Addr, AddrTraffic.Addr(sent));
            var heard = await Task.WhenAll(peers.Select(p => AddrTraffic.CollectAsync(p, Window)));

            Assert.Empty(heard[0]);
            foreach (var address in sent)
            {
                // Two targets among all five peers; when the sender is one of them, only one other peer hears it.
                var receivers = heard.Skip(1).Count(h => h.Contains(address));
                Assert.InRange(receivers, 1, 2);
            }

            Assert.Contains(sent, a => heard.Skip(1).Count(h => h.Contains(a)) == 2);
            Assert.All(heard.Skip(1), h => Assert.Equal(h.Count, h.Distinct().Count()));
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task StaleUnroutableAndLargeMessagesAreNotRelayed()
    {
        await using var node = TestNode.Start();
        await using var sender = await RelayPeers.ConnectAsync(node);
        await using var listener = await RelayPeers.ConnectAsync(node);
        await using var other = await RelayPeers.ConnectAsync(node);

        await sender.SendAsync(NetCommands.Addr, AddrTraffic.Addr(AddrTraffic.Routable(1, 1), DateTimeOffset.UtcNow.AddMinutes(-11)));
        await sender.SendAsync(NetCommands.Addr, AddrTraffic.Addr([new IPEndPoint(IPAddress.Parse("10.1.2.3"), 9666)]));
        await sender.SendAsync(NetCommands.Addr, AddrTraffic.Addr(AddrTraffic.Routable(11, 10)));
        await sender.SyncWithPingAsync();
        var quiet = await Task.WhenAll(AddrTraffic.CollectAsync(listener, Window), AddrTraffic.CollectAsync(other, Window));

        Assert.All(quiet, Assert.Empty);

        // The same path carries a fresh address in a small message, so the silence above was the rules.
        var fresh = AddrTraffic.Routable(1, 50)[0];
        await sender.SendAsync(NetCommands.Addr, AddrTraffic.Addr([fresh]));
        var heard = await Task.WhenAll(AddrTraffic.CollectAsync(listener, Window), AddrTraffic.CollectAsync(other, Window));
        Assert.Contains(heard, h => h.Contains(fresh));
    }

    [Fact]
    public async Task AnAddressIsNotToldTwiceToTheSamePeer()
    {
        await using var node = TestNode.Start();
        await using var sender = await RelayPeers.ConnectAsync(node);
        await using var listener = await RelayPeers.ConnectAsync(node);
        var address = AddrTraffic.Routable(1, 77);

        // With two peers the sender and the listener are both chosen every time; the listener hears it once.
        await sender.SendAsync(NetCommands.Addr, AddrTraffic.Addr(address));
        var first = await AddrTraffic.CollectAsync(listener, Window);
        await sender.SendAsync(NetCommands.Addr, AddrTraffic.Addr(address));
        await listener.SendAsync(NetCommands.Addr, AddrTraffic.Addr(AddrTraffic.Routable(1, 78)));
        var second = await AddrTraffic.CollectAsync(listener, Window);
        var back = await AddrTraffic.CollectAsync(sender, Window);

        Assert.Equal(address, first);
        Assert.Empty(second);
        Assert.Equal(AddrTraffic.Routable(1, 78), back);
    }
}
