using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Eviction;

/// <summary>The facts eviction weighs are recorded as the peer's messages are handled (nLastTXTime, nLastBlockTime).</summary>
public sealed class PeerActivityTests
{
    [Fact]
    public async Task AcceptedTransactionsAndNewBlocksAreNotedForTheirSender()
    {
        var pool = new PoolSink();
        await using var node = TestNode.Start(transactions: pool);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();
        await peer.SyncWithPingAsync();
        Assert.Null(node.SinglePeer()!.LastTransactionTime);
        Assert.Null(node.SinglePeer()!.LastBlockTime);

        await peer.SendAsync(NetCommands.Tx, PoolSink.Create(100_000, new OutPoint(uint256.One, 0)).ToBytes());
        await peer.SyncWithPingAsync();
        Assert.NotNull(node.SinglePeer()!.LastTransactionTime);
        Assert.Null(node.SinglePeer()!.LastBlockTime);

        await peer.SendAsync(NetCommands.Block, Payloads.Block(RegtestBlocks.Chain300[1]));
        await peer.SyncWithPingAsync();
        Assert.NotNull(node.SinglePeer()!.LastBlockTime);
    }

    [Fact]
    public async Task RefusedTransactionsAndKnownBlocksAreNot()
    {
        var pool = new PoolSink();
        var refused = PoolSink.Create(100_000, new OutPoint(uint256.One, 0));
        pool.Refused[refused.GetHash()] = true;
        await using var node = TestNode.Start(transactions: pool);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.Tx, refused.ToBytes());
        await peer.SendAsync(NetCommands.Block, Payloads.Block(Faithcoin.Consensus.Chain.ChainParams.Regtest.CreateGenesisBlock()));
        await peer.SyncWithPingAsync();

        Assert.Null(node.SinglePeer()!.LastTransactionTime);
        Assert.Null(node.SinglePeer()!.LastBlockTime);
    }
}
