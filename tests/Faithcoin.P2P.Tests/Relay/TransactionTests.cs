using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Relay;

public sealed class TransactionTests
{
    [Fact]
    public async Task TransactionsAreTurnedAwayWithoutRejectOrPenaltyUntilAMempoolExists()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();
        var tx = RegtestBlocks.Chain300[1].Transactions[0];

        await peer.SendAsync(NetCommands.Tx, tx.ToBytes());
        await peer.SendAsync(NetCommands.GetData, Payloads.GetData(InventoryType.MSG_TX, tx.GetHash()));
        var notFound = Payloads.ReadInventory((await peer.ReadUntilAsync(NetCommands.NotFound)).Payload);
        await peer.SyncWithPingAsync();

        Assert.Equal([tx.GetHash()], notFound.Select(i => i.Hash));
        Assert.DoesNotContain(peer.Received, m => m.Command == NetCommands.Reject);
        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task MempoolRequestWithoutBloomDropsPeersThatAreNotWhitelisted()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.Mempool, []);

        Assert.True(await peer.WaitForDisconnectAsync());
    }
}
