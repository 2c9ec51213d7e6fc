using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Relay;

/// <summary>Asking peers for transactions: announced ones, orphans' parents, and what a departing peer leaves behind.</summary>
public sealed class TransactionRequestTests
{
    [Fact]
    public async Task OrphansParentsAreAskedFromTheSenderAndBothAreRelayedParentFirst()
    {
        var sink = new PoolSink();
        await using var node = TestNode.Start(RelayPeers.FastTrickle(), transactions: sink);
        await using var listener = await RelayPeers.ConnectAsync(node);
        await using var sender = await RelayPeers.ConnectAsync(node);
        var parent = PoolSink.Create(4000);
        var child = PoolSink.Create(8000, new OutPoint(parent.GetHash(), 0));
        sink.Unconfirmed[parent.GetHash()] = true;

        await sender.SendAsync(NetCommands.Tx, child.ToBytes());
        var request = await sender.ReadUntilAsync(NetCommands.GetData);
        var asked = Payloads.Serializer.Deserialize<GetDataPayload>(request.Payload).Inventory.Single();

        Assert.Equal(parent.GetHash(), asked.Hash);
        Assert.Equal(InventoryType.MSG_TX, asked.Type & ~InventoryType.MSG_WITNESS_FLAG);
        Assert.Equal(1, sink.OrphanCount);

        await sender.SendAsync(NetCommands.Tx, parent.ToBytes());
        var announced = await RelayPeers.ReadAnnouncementAsync(listener, child.GetHash());

        // The child pays more, but a peer must hear of the parent first to accept the child.
        Assert.Equal([parent.GetHash(), child.GetHash()], announced);
        Assert.Equal(0, sink.OrphanCount);
    }

    [Fact]
    public async Task DepartingPeerIsReportedToTheSinkWhichDropsItsOrphans()
    {
        var sink = new PoolSink();
        await using var node = TestNode.Start(RelayPeers.FastTrickle(), transactions: sink);
        var sender = await RelayPeers.ConnectAsync(node);
        var peerId = node.SinglePeer()!.Id;
        var missing = RandomUtils.GetUInt256();
        sink.Unconfirmed[missing] = true;
        await sender.SendAsync(NetCommands.Tx, PoolSink.Create(4000, new OutPoint(missing, 1)).ToBytes());
        await sender.SyncWithPingAsync();
        Assert.Equal(1, sink.OrphanCount);

        await sender.DisposeAsync();

        Assert.True(await TestNode.EventuallyAsync(() => sink.DisconnectedPeers.Contains(peerId)));
        Assert.Equal(0, sink.OrphanCount);
    }

    [Fact]
    public async Task AnnouncedTransactionIsAskedForOnceAndNotWhenAlreadyInThePool()
    {
        var sink = new PoolSink();
        var pooled = PoolSink.Create(5000);
        sink.Add(pooled);
        await using var node = TestNode.Start(RelayPeers.FastTrickle(), transactions: sink);
        await using var first = await RelayPeers.ConnectAsync(node);
        await using var second = await RelayPeers.ConnectAsync(node);
        var wanted = RandomUtils.GetUInt256();

        await first.SendAsync(NetCommands.Inv, Payloads.Inv(InventoryType.MSG_TX, wanted, pooled.GetHash()));
        var request = await first.ReadUntilAsync(NetCommands.GetData);
        await second.SendAsync(NetCommands.Inv, Payloads.Inv(InventoryType.MSG_TX, wanted));
        await second.SyncWithPingAsync(1);
        await second.SyncWithPingAsync(2);

        // Witness peers are asked for the witness form; the next announcer waits two minutes for the first.
        Assert.Equal(
            [(InventoryType.MSG_WITNESS_TX, wanted)],
            Payloads.Serializer.Deserialize<GetDataPayload>(request.Payload).Inventory.Select(i => (i.Type, i.Hash)));
        Assert.DoesNotContain(second.Received, m => m.Command == NetCommands.GetData);
    }

    [Fact]
    public async Task RefusedTransactionIsNeitherAskedForNorOfferedToThePoolAgain()
    {
        var sink = new PoolSink();
        await using var node = TestNode.Start(RelayPeers.FastTrickle(), transactions: sink);
        await using var sender = await RelayPeers.ConnectAsync(node);
        await using var other = await RelayPeers.ConnectAsync(node);
        var tx = PoolSink.Create(5000);
        sink.Refused[tx.GetHash()] = true;

        await sender.SendAsync(NetCommands.Tx, tx.ToBytes());
        var reject = await sender.ReadUntilAsync(NetCommands.Reject);
        await other.SendAsync(NetCommands.Inv, Payloads.Inv(InventoryType.MSG_TX, tx.GetHash()));
        await other.SendAsync(NetCommands.Tx, tx.ToBytes());
        await other.SyncWithPingAsync(1);
        await other.SyncWithPingAsync(2);

        Assert.NotEmpty(reject.Payload);
        Assert.Equal(1, sink.AcceptCalls);
        Assert.DoesNotContain(other.Received, m => m.Command is NetCommands.GetData or NetCommands.Reject);
        Assert.Equal(0, node.Node.GetPeers().Sum(p => p.Misbehaviour));
    }
}
