using Faithcoin.P2P.Protocol.Bloom;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Tests.Relay;
using Faithcoin.P2P.Wire;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Bloom;

/// <summary>Transaction invs and the mempool answer through a peer's filter, and fRelay=false until a filterload.</summary>
public sealed class FilteredRelayTests
{
    private static readonly byte[] Address = Convert.FromHexString("04943fdd508053c75000106d3bc6e2754dbcff19");

    [Fact]
    public async Task FilteredPeerHearsOnlyOfMatchingTransactions()
    {
        var sink = new PoolSink();
        await using var node = TestNode.Start(BloomPeers.ServingWhitelisted(), transactions: sink);
        await using var listener = await BloomPeers.ConnectAsync(node);
        await using var sender = await BloomPeers.ConnectAsync(node);
        var other = PoolSink.Create(5000);
        var wanted = PoolSink.Create(5000);
        await listener.SendAsync(NetCommands.FilterLoad, BloomPeers.FilterLoad(wanted.GetHash()));
        await listener.SyncWithPingAsync();

        await sender.SendAsync(NetCommands.Tx, other.ToBytes());
        await sender.SyncWithPingAsync();
        await sender.SendAsync(NetCommands.Tx, wanted.ToBytes());
        var announced = await RelayPeers.ReadAnnouncementAsync(listener, wanted.GetHash());
        await listener.SyncWithPingAsync(1);

        Assert.True(sink.Contains(other.GetHash()));
        Assert.Equal([wanted.GetHash()], announced);
        Assert.False(RelayPeers.WasAnnounced(listener, other.GetHash()));
    }

    [Theory]
    [InlineData(BloomUpdate.All, true)]
    [InlineData(BloomUpdate.None, false)]
    public async Task MatchedOutputMakesItsSpendMatchWithUpdateAll(BloomUpdate update, bool spendAnnounced)
    {
        var sink = new PoolSink();
        await using var node = TestNode.Start(BloomPeers.ServingWhitelisted(), transactions: sink);
        await using var listener = await BloomPeers.ConnectAsync(node);
        await using var sender = await BloomPeers.ConnectAsync(node);
        var parent = BloomPeers.PayTo(Address);
        var child = PoolSink.Create(5000, new OutPoint(parent.GetHash(), 0));
        var marker = PoolSink.Create(5000);
        await listener.SendAsync(NetCommands.FilterLoad, BloomPeers.FilterLoad(update, Address, marker.GetHash().ToBytes()));
        await listener.SyncWithPingAsync();

        await sender.SendAsync(NetCommands.Tx, parent.ToBytes());
        await RelayPeers.ReadAnnouncementAsync(listener, parent.GetHash());
        await sender.SendAsync(NetCommands.Tx, child.ToBytes());
        await sender.SyncWithPingAsync();
        await sender.SendAsync(NetCommands.Tx, marker.ToBytes());
        await RelayPeers.ReadAnnouncementAsync(listener, marker.GetHash());

        Assert.True(sink.Contains(child.GetHash()));
        Assert.Equal(spendAnnounced, RelayPeers.WasAnnounced(listener, child.GetHash()));
    }

    [Fact]
    public async Task PeerThatAskedForNoRelayHearsNothingUntilItLoadsAFilter()
    {
        var sink = new PoolSink();
        await using var node = TestNode.Start(BloomPeers.ServingWhitelisted(), transactions: sink);
        await using var client = await BloomPeers.ConnectAsync(node, relay: false);
        await using var sender = await BloomPeers.ConnectAsync(node);
        await using var witness = await BloomPeers.ConnectAsync(node);
        var before = PoolSink.Create(5000);
        var after = PoolSink.Create(5000);

        await sender.SendAsync(NetCommands.Tx, before.ToBytes());
        await RelayPeers.ReadAnnouncementAsync(witness, before.GetHash());
        await client.SyncWithPingAsync(1);
        Assert.False(RelayPeers.WasAnnounced(client, before.GetHash()));

        await client.SendAsync(NetCommands.FilterLoad, BloomPeers.FilterLoad(before.GetHash(), after.GetHash()));
        await client.SyncWithPingAsync(2);
        await sender.SendAsync(NetCommands.Tx, after.ToBytes());

        Assert.Equal([after.GetHash()], await RelayPeers.ReadAnnouncementAsync(client, after.GetHash()));
        Assert.False(RelayPeers.WasAnnounced(client, before.GetHash()));
    }

    [Fact]
    public async Task MempoolAnswerIsFilteredByTheBloomFilterAndTheFeeFilter()
    {
        var sink = new PoolSink();
        var matching = PoolSink.Create(9000);
        var matchingCheap = PoolSink.Create(1000);
        var unmatched = PoolSink.Create(9000);
        sink.Add(matching);
        sink.Add(matchingCheap);
        sink.Add(unmatched);
        await using var node = TestNode.Start(BloomPeers.Serving(), transactions: sink);
        await using var client = await BloomPeers.ConnectAsync(node);
        await client.SendAsync(NetCommands.FilterLoad, BloomPeers.FilterLoad(matching.GetHash(), matchingCheap.GetHash()));
        await client.SendAsync(NetCommands.FeeFilter, Payloads.FeeFilter(5000));

        await client.SendAsync(NetCommands.Mempool, []);
        var answer = await RelayPeers.ReadAnnouncementAsync(client, matching.GetHash());

        // Not whitelisted: with NODE_BLOOM offered, anyone may ask for the pool.
        Assert.False(node.SinglePeer()!.IsWhitelisted);
        Assert.Equal([matching.GetHash()], answer);
    }

    [Fact]
    public async Task MempoolAnswerBeforeAnyFilterloadListsThePool()
    {
        var sink = new PoolSink();
        var first = PoolSink.Create(9000);
        var second = PoolSink.Create(9000);
        sink.Add(first);
        sink.Add(second);
        await using var node = TestNode.Start(BloomPeers.Serving(), transactions: sink);
        await using var client = await BloomPeers.ConnectAsync(node);

        await client.SendAsync(NetCommands.Mempool, []);
        var answer = await RelayPeers.ReadAnnouncementAsync(client, first.GetHash());

        Assert.Equal(new[] { first.GetHash(), second.GetHash() }.Order(), answer.Order());
    }

    [Fact]
    public async Task FilterClearGoesBackToHearingEverything()
    {
        var sink = new PoolSink();
        await using var node = TestNode.Start(BloomPeers.ServingWhitelisted(), transactions: sink);
        await using var client = await BloomPeers.ConnectAsync(node);
        await using var sender = await BloomPeers.ConnectAsync(node);
        var unmatched = PoolSink.Create(5000);
        await client.SendAsync(NetCommands.FilterLoad, BloomPeers.FilterLoad(uint256.One));
        await client.SendAsync(NetCommands.FilterClear, []);
        await client.SyncWithPingAsync();

        await sender.SendAsync(NetCommands.Tx, unmatched.ToBytes());

        Assert.Equal([unmatched.GetHash()], await RelayPeers.ReadAnnouncementAsync(client, unmatched.GetHash()));
    }
}
