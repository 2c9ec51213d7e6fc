using Faithcoin.P2P.Protocol.Compact;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Compact;

public sealed class CompactBlockReceiveTests
{
    [Fact]
    public async Task BlockWhoseTransactionsAreAllPooledIsAcceptedWithoutARoundTrip()
    {
        var pool = new PoolSink();
        var transactions = CompactFixtures.WitnessTransactions(3);
        transactions.ForEach(pool.Add);
        var (node, peer) = await CompactFixtures.StartAsync(pool);
        await using var _ = node;
        await using var __ = peer;
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, transactions);

        await peer.SendAsync(NetCommands.CmpctBlock, CompactFixtures.CompactBlock(block));

        Assert.True(await node.WaitForTipAsync(block.GetHash()));
        await peer.SyncWithPingAsync();
        Assert.DoesNotContain(peer.Received, m => m.Command is NetCommands.GetData or NetCommands.GetBlockTxn);
        Assert.Equal(block.Transactions.Select(t => t.GetWitHash()), node.Chain.AcceptedBlocks[^1].Transactions.Select(t => t.GetWitHash()));
    }

    [Fact]
    public async Task MissingTransactionIsAskedForByItsPositionAndBlockTxnCompletesTheBlock()
    {
        var pool = new PoolSink();
        var transactions = CompactFixtures.WitnessTransactions(3);
        pool.Add(transactions[0]);
        pool.Add(transactions[2]);
        var (node, peer) = await CompactFixtures.StartAsync(pool);
        await using var _ = node;
        await using var __ = peer;
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, transactions);

        await peer.SendAsync(NetCommands.CmpctBlock, CompactFixtures.CompactBlock(block));
        var request = Payloads.Serializer.Deserialize<BlockTransactionsRequest>((await peer.ReadUntilAsync(NetCommands.GetBlockTxn)).Payload);
        var response = new BlockTransactions { BlockHash = block.GetHash() };
        response.Transactions.Add(transactions[1]);
        await peer.SendAsync(NetCommands.BlockTxn, Payloads.Serializer.Serialize(response));

        Assert.Equal(block.GetHash(), request.BlockHash);
        Assert.Equal([2], request.Indexes);
        Assert.True(await node.WaitForTipAsync(block.GetHash()));
        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task SingleAnnouncedBlockIsFetchedAsCmpctBlockFromAVersionTwoPeer()
    {
        var pool = new PoolSink();
        var transactions = CompactFixtures.WitnessTransactions(2);
        transactions.ForEach(pool.Add);
        var (node, peer) = await CompactFixtures.StartAsync(pool);
        await using var _ = node;
        await using var __ = peer;
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, transactions);

        await peer.SendAsync(NetCommands.Headers, Payloads.Headers([block.Header]));
        var getData = Payloads.Serializer.Deserialize<GetDataPayload>((await peer.ReadUntilAsync(NetCommands.GetData)).Payload);
        await peer.SendAsync(NetCommands.CmpctBlock, CompactFixtures.CompactBlock(block));

        Assert.Equal([(InventoryType.MSG_CMPCT_BLOCK, block.GetHash())], getData.Inventory.Select(i => (i.Type, i.Hash)));
        Assert.True(await node.WaitForTipAsync(block.GetHash()));
        Assert.Equal(0, node.Node.Downloads.BlocksInFlight);
    }

    [Fact]
    public async Task AfterSegwitCompactBlocksFromAVersionOnePeerAreIgnored()
    {
        var pool = new PoolSink();
        var transactions = CompactFixtures.WitnessTransactions(1);
        transactions.ForEach(pool.Add);
        var chain = InMemoryChain.FromBlocks(RegtestBlocks.Chain300);
        chain.SegwitActive = true;
        await using var node = TestNode.Start(chain: chain, transactions: pool);
        await using var versionOne = await RawPeer.ConnectAsync(node.Endpoint);
        await versionOne.HandshakeAsync();
        await versionOne.SendAsync(NetCommands.SendCmpct, CompactFixtures.SendCmpct(false, 1));
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, transactions);

        await versionOne.SendAsync(NetCommands.CmpctBlock, CompactFixtures.CompactBlock(block, useWtxid: false));
        await versionOne.SyncWithPingAsync();

        Assert.Equal(300, node.Chain.Tip.Height);
        Assert.DoesNotContain(versionOne.Received, m => m.Command == NetCommands.GetBlockTxn);
        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
        await using var versionTwo = await RawPeer.ConnectAsync(node.Endpoint);
        await versionTwo.HandshakeAsync();
        await versionTwo.SendAsync(NetCommands.SendCmpct, CompactFixtures.SendCmpct(false, 2));
        await versionTwo.SendAsync(NetCommands.CmpctBlock, CompactFixtures.CompactBlock(block));
        Assert.True(await node.WaitForTipAsync(block.GetHash()));
    }

    [Fact]
    public async Task OrphanKeptInTheExtraRingFillsTheBlock()
    {
        var pool = new PoolSink();
        var parent = PoolSink.Create(5000);
        pool.Unconfirmed[parent.GetHash()] = true;
        var orphan = PoolSink.Create(4000, new OutPoint(parent.GetHash(), 0));
        var (node, peer) = await CompactFixtures.StartAsync(pool);
        await using var _ = node;
        await using var __ = peer;
        await peer.SendAsync(NetCommands.Tx, Payloads.Serializer.Serialize(orphan));
        await peer.SyncWithPingAsync();
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, [orphan]);

        await peer.SendAsync(NetCommands.CmpctBlock, CompactFixtures.CompactBlock(block));

        Assert.Equal(1, pool.OrphanCount);
        Assert.True(await node.WaitForTipAsync(block.GetHash()));
        await peer.SyncWithPingAsync();
        Assert.DoesNotContain(peer.Received, m => m.Command == NetCommands.GetBlockTxn);
    }

    [Fact]
    public async Task WithoutAnExtraRingTheOrphanIsAskedFor()
    {
        var pool = new PoolSink();
        var parent = PoolSink.Create(5000);
        pool.Unconfirmed[parent.GetHash()] = true;
        var orphan = PoolSink.Create(4000, new OutPoint(parent.GetHash(), 0));
        var (node, peer) = await CompactFixtures.StartAsync(pool, TestNode.DefaultOptions() with { BlockReconstructionExtraTxn = 0 });
        await using var _ = node;
        await using var __ = peer;
        await peer.SendAsync(NetCommands.Tx, Payloads.Serializer.Serialize(orphan));
        await peer.SyncWithPingAsync();

        await peer.SendAsync(NetCommands.CmpctBlock, CompactFixtures.CompactBlock(CompactFixtures.MineWith(CompactFixtures.Tip, 301, [orphan])));
        var request = Payloads.Serializer.Deserialize<BlockTransactionsRequest>((await peer.ReadUntilAsync(NetCommands.GetBlockTxn)).Payload);

        Assert.Equal([1], request.Indexes);
    }

    [Fact]
    public async Task BlockTxnThatDoesNotMatchTheMerkleRootMakesTheNodeAskForTheFullBlock()
    {
        var pool = new PoolSink();
        var transactions = CompactFixtures.WitnessTransactions(2);
        var (node, peer) = await CompactFixtures.StartAsync(pool);
        await using var _ = node;
        await using var __ = peer;
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, transactions);
        await peer.SendAsync(NetCommands.CmpctBlock, CompactFixtures.CompactBlock(block));
        await peer.ReadUntilAsync(NetCommands.GetBlockTxn);

        var wrong = new BlockTransactions { BlockHash = block.GetHash() };
        wrong.Transactions.AddRange(CompactFixtures.WitnessTransactions(3).Skip(1));
        await peer.SendAsync(NetCommands.BlockTxn, Payloads.Serializer.Serialize(wrong));
        var getData = Payloads.Serializer.Deserialize<GetDataPayload>((await peer.ReadUntilAsync(NetCommands.GetData)).Payload);
        await peer.SendAsync(NetCommands.Block, Payloads.Block(block));

        Assert.Equal([(InventoryType.MSG_WITNESS_BLOCK, block.GetHash())], getData.Inventory.Select(i => (i.Type, i.Hash)));
        Assert.True(await node.WaitForTipAsync(block.GetHash()));
        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task PrefilledPositionOutOfRangeScores100()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(1));
        var compact = HeaderAndShortIds.FromBlock(block, true, 3);
        compact.Prefilled.Add(new Faithcoin.P2P.Protocol.Compact.PrefilledTransaction(9, block.Transactions[1]));

        await peer.SendAsync(NetCommands.CmpctBlock, Payloads.Serializer.Serialize(compact));

        Assert.True(await peer.WaitForDisconnectAsync());
        Assert.Equal(0, node.Node.Downloads.BlocksInFlight);
        Assert.Equal(300, node.Chain.Tip.Height);
    }

    [Fact]
    public async Task BlockTxnWithTooFewTransactionsScores100()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(2));
        await peer.SendAsync(NetCommands.CmpctBlock, CompactFixtures.CompactBlock(block));
        await peer.ReadUntilAsync(NetCommands.GetBlockTxn);

        var tooFew = new BlockTransactions { BlockHash = block.GetHash() };
        tooFew.Transactions.Add(block.Transactions[1]);
        await peer.SendAsync(NetCommands.BlockTxn, Payloads.Serializer.Serialize(tooFew));

        Assert.True(await peer.WaitForDisconnectAsync());
    }

    [Fact]
    public async Task UnrequestedBlockTxnIsIgnored()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(1));
        var response = new BlockTransactions { BlockHash = block.GetHash() };
        response.Transactions.Add(block.Transactions[1]);

        await peer.SendAsync(NetCommands.BlockTxn, Payloads.Serializer.Serialize(response));
        await peer.SyncWithPingAsync();

        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
        Assert.Equal(300, node.Chain.Tip.Height);
    }

    [Fact]
    public async Task CompactBlockWithBadProofOfWorkHeaderScores50()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(1));
        while (block.Header.CheckProofOfWork())
        {
            block.Header.Nonce++;
        }

        await peer.SendAsync(NetCommands.CmpctBlock, CompactFixtures.CompactBlock(block));
        await peer.SyncWithPingAsync();

        Assert.Equal(50, node.SinglePeer()!.Misbehaviour);
        Assert.Null(node.Chain.FindHeader(block.GetHash()));
    }

    [Fact]
    public async Task CompactBlockMoreThanTwoAheadOfTheTipIsFetchedInFullNotRebuilt()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        var first = CompactFixtures.MineWith(CompactFixtures.Tip, 301, [], tag: 1);
        var second = CompactFixtures.MineWith(first, 302, [], tag: 1);
        var third = CompactFixtures.MineWith(second, 303, CompactFixtures.WitnessTransactions(1), tag: 1);
        await peer.SendAsync(NetCommands.Headers, Payloads.Headers([first.Header, second.Header]));
        await peer.ReadUntilAsync(NetCommands.GetData);

        await peer.SendAsync(NetCommands.CmpctBlock, CompactFixtures.CompactBlock(third));

        // Our pool is no use that far ahead: the block is downloaded in full, as after a headers announcement.
        var getData = await peer.ReadUntilAsync(
            NetCommands.GetData, m => Payloads.Serializer.Deserialize<GetDataPayload>(m.Payload).Inventory.Any(i => i.Hash == third.GetHash()));
        await peer.SyncWithPingAsync();
        Assert.Equal(InventoryType.MSG_WITNESS_BLOCK, Payloads.Serializer.Deserialize<GetDataPayload>(getData.Payload).Inventory.Single().Type);
        Assert.DoesNotContain(peer.Received, m => m.Command == NetCommands.GetBlockTxn);
    }
}
