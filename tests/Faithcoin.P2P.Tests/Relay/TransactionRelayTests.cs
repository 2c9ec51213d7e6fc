using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Relay;

/// <summary>RelayTransaction and the trickled inv: who hears of a pool transaction, and who does not.</summary>
public sealed class TransactionRelayTests
{
    [Fact]
    public async Task AcceptedTransactionIsAnnouncedToOthersAndServedButNotAnnouncedBackToItsSender()
    {
        var sink = new PoolSink();
        await using var node = TestNode.Start(RelayPeers.FastTrickle(), transactions: sink);
        await using var listener = await RelayPeers.ConnectAsync(node);
        await using var sender = await RelayPeers.ConnectAsync(node);
        var tx = PoolSink.Create(5000);

        await sender.SendAsync(NetCommands.Tx, tx.ToBytes());
        var announced = await RelayPeers.ReadAnnouncementAsync(listener, tx.GetHash());
        await listener.SendAsync(NetCommands.GetData, Payloads.GetData(InventoryType.MSG_TX, tx.GetHash()));
        var served = await listener.ReadUntilAsync(NetCommands.Tx);

        Assert.Equal([tx.GetHash()], announced);
        Assert.Equal(tx.ToBytes(), served.Payload);

        // A later transaction reaches the sender; the first one would have been queued before it.
        var next = PoolSink.Create(5000);
        await listener.SendAsync(NetCommands.Tx, next.ToBytes());
        await RelayPeers.ReadAnnouncementAsync(sender, next.GetHash());
        Assert.False(RelayPeers.WasAnnounced(sender, tx.GetHash()));
        Assert.False(RelayPeers.WasAnnounced(listener, next.GetHash()));
    }

    [Fact]
    public async Task TransactionsBelowThePeersFeeFilterAreNotAnnouncedToIt()
    {
        var sink = new PoolSink();
        await using var node = TestNode.Start(RelayPeers.FastTrickle(), transactions: sink);
        await using var listener = await RelayPeers.ConnectAsync(node);
        await listener.SendAsync(NetCommands.FeeFilter, Payloads.FeeFilter(3000));
        await listener.SyncWithPingAsync();
        await using var sender = await RelayPeers.ConnectAsync(node);
        var cheap = PoolSink.Create(2999);
        var paying = PoolSink.Create(3000);

        await sender.SendAsync(NetCommands.Tx, cheap.ToBytes());
        await sender.SyncWithPingAsync();
        await sender.SendAsync(NetCommands.Tx, paying.ToBytes());
        await RelayPeers.ReadAnnouncementAsync(listener, paying.GetHash());

        Assert.True(sink.Contains(cheap.GetHash()));
        Assert.False(RelayPeers.WasAnnounced(listener, cheap.GetHash()));
    }

    [Fact]
    public async Task PeersThatAskedForNoTransactionsHearOfNone()
    {
        var sink = new PoolSink();
        await using var node = TestNode.Start(RelayPeers.Whitelisted(), transactions: sink);
        await using var blocksOnly = await RelayPeers.ConnectAsync(node, relay: false);
        await using var listener = await RelayPeers.ConnectAsync(node);
        await using var sender = await RelayPeers.ConnectAsync(node);
        var tx = PoolSink.Create(5000);

        await sender.SendAsync(NetCommands.Tx, tx.ToBytes());
        await RelayPeers.ReadAnnouncementAsync(listener, tx.GetHash());

        // Whitelisted peers trickle on every pass: an inv would come before the second pong.
        await blocksOnly.SyncWithPingAsync(1);
        await blocksOnly.SyncWithPingAsync(2);
        Assert.False(RelayPeers.WasAnnounced(blocksOnly, tx.GetHash()));
        Assert.DoesNotContain(blocksOnly.Received, m => Payloads.TransactionIds(m).Count > 0);
    }

    [Fact]
    public async Task MempoolAnswerAppliesTheFeeFilterAndMakesItsTransactionsKnown()
    {
        var sink = new PoolSink();
        var cheap = PoolSink.Create(1000);
        var paying = PoolSink.Create(9000);
        sink.Add(cheap);
        sink.Add(paying);
        await using var node = TestNode.Start(RelayPeers.Whitelisted(), transactions: sink);
        await using var listener = await RelayPeers.ConnectAsync(node);
        await using var sender = await RelayPeers.ConnectAsync(node);
        await listener.SendAsync(NetCommands.FeeFilter, Payloads.FeeFilter(5000));

        await listener.SendAsync(NetCommands.Mempool, []);
        var answer = await RelayPeers.ReadAnnouncementAsync(listener, paying.GetHash());

        Assert.Equal([paying.GetHash()], answer);

        // A whitelisted sender's pool duplicate is force-relayed, but the listener already knows it.
        await sender.SendAsync(NetCommands.Tx, paying.ToBytes());
        var fresh = PoolSink.Create(9000);
        await sender.SendAsync(NetCommands.Tx, fresh.ToBytes());
        var later = await RelayPeers.ReadAnnouncementAsync(listener, fresh.GetHash());
        Assert.Equal([fresh.GetHash()], later);
        Assert.Single(listener.Received, m => Payloads.TransactionIds(m).Contains(paying.GetHash()));
    }

    [Fact]
    public async Task PoolTransactionsAreServedOnlyOnceTheyWereAnnounced()
    {
        var sink = new PoolSink();
        var hidden = PoolSink.Create(9000);
        sink.Add(hidden);
        await using var node = TestNode.Start(RelayPeers.Whitelisted(), transactions: sink);
        await using var peer = await RelayPeers.ConnectAsync(node);

        // Probing the pool for a transaction we never announced tells nothing.
        await peer.SendAsync(NetCommands.GetData, Payloads.GetData(InventoryType.MSG_TX, hidden.GetHash()));
        var notFound = Payloads.ReadInventory((await peer.ReadUntilAsync(NetCommands.NotFound)).Payload);
        await peer.SendAsync(NetCommands.Mempool, []);
        await RelayPeers.ReadAnnouncementAsync(peer, hidden.GetHash());
        await peer.SendAsync(NetCommands.GetData, Payloads.GetData(InventoryType.MSG_TX, hidden.GetHash()));
        var served = await peer.ReadUntilAsync(NetCommands.Tx);

        Assert.Equal([hidden.GetHash()], notFound.Select(i => i.Hash));
        Assert.Equal(hidden.ToBytes(), served.Payload);
    }

    [Fact]
    public async Task TransactionTravelsBetweenTwoNodesByInvGetDataAndTx()
    {
        var first = new PoolSink();
        var second = new PoolSink();
        await using var origin = TestNode.Start(RelayPeers.FastTrickle(), transactions: first);
        await using var relayed = TestNode.Start(RelayPeers.FastTrickle(), transactions: second);
        Assert.True(await relayed.Node.ConnectAsync(origin.Endpoint.ToString()));
        Assert.True(await TestNode.EventuallyAsync(() => origin.SinglePeer() is { HandshakeComplete: true }));
        await using var sender = await RelayPeers.ConnectAsync(origin);

        // Nodes send each other feefilter -minrelaytxfee (100,000 sat/kB): one below it stays put.
        var cheap = PoolSink.Create(99_999);
        var tx = PoolSink.Create(100_000);
        await sender.SendAsync(NetCommands.Tx, cheap.ToBytes());
        await sender.SendAsync(NetCommands.Tx, tx.ToBytes());

        Assert.True(await TestNode.EventuallyAsync(() => second.Contains(tx.GetHash())));
        Assert.False(second.Contains(cheap.GetHash()));
        Assert.True(first.Contains(tx.GetHash()));
    }
}
