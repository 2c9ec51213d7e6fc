using Faithcoin.P2P.Protocol.Compact;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Compact;

public sealed class CompactBlockServeTests
{
    [Fact]
    public async Task PeerInHighBandwidthModeGetsTheNewTipAsCmpctBlockWithWtxidShortIds()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        await peer.SendAsync(NetCommands.SendCmpct, CompactFixtures.SendCmpct(true, 2));
        await CompactFixtures.SyncTipAsync(peer);
        var before = peer.Received.Count;
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(2));

        Assert.Null((await node.Chain.AcceptBlockAsync(block, true, CancellationToken.None)).Error);
        var compact = CompactFixtures.ReadCompactBlock((await peer.ReadUntilAsync(NetCommands.CmpctBlock)).Payload);
        var hasher = compact.CreateHasher();

        Assert.Equal(block.GetHash(), compact.Header.GetHash());
        Assert.Equal([0], compact.Prefilled.Select(p => p.Index));
        Assert.Equal(block.Transactions.Skip(1).Select(t => hasher.ShortId(t.GetWitHash())), compact.ShortIds);
        await peer.SyncWithPingAsync();
        Assert.DoesNotContain(peer.Received.Skip(before), m => m.Command is NetCommands.Headers or NetCommands.Inv);
    }

    [Fact]
    public async Task PeerThatDidNotAskForHighBandwidthGetsHeadersOrInv()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        await CompactFixtures.SyncTipAsync(peer);
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(1));

        await node.Chain.AcceptBlockAsync(block, true, CancellationToken.None);
        await peer.ReadUntilAsync(NetCommands.Inv);
        await peer.SyncWithPingAsync();

        Assert.DoesNotContain(peer.Received, m => m.Command == NetCommands.CmpctBlock);
    }

    [Fact]
    public async Task GetDataForARecentBlockIsAnsweredWithCmpctBlockAndForAnOldOneWithTheBlock()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        var blocks = RegtestBlocks.Chain300;

        await peer.SendAsync(NetCommands.GetData, Payloads.GetData(InventoryType.MSG_CMPCT_BLOCK, blocks[296].GetHash()));
        var compact = CompactFixtures.ReadCompactBlock((await peer.ReadUntilAsync(NetCommands.CmpctBlock)).Payload);
        await peer.SendAsync(NetCommands.GetData, Payloads.GetData(InventoryType.MSG_CMPCT_BLOCK, blocks[294].GetHash()));
        var full = Payloads.ReadBlock((await peer.ReadUntilAsync(NetCommands.Block)).Payload);

        Assert.Equal(blocks[296].GetHash(), compact.Header.GetHash());
        Assert.Equal(blocks[294].GetHash(), full.GetHash());
    }

    [Fact]
    public async Task GetBlockTxnIsAnsweredWithTheTransactionsAskedFor()
    {
        var pool = new PoolSink();
        var transactions = CompactFixtures.WitnessTransactions(3);
        var (node, peer) = await CompactFixtures.StartAsync(pool);
        await using var _ = node;
        await using var __ = peer;
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, transactions);
        await node.Chain.AcceptBlockAsync(block, true, CancellationToken.None);
        var request = new BlockTransactionsRequest { BlockHash = block.GetHash() };
        request.Indexes.AddRange([1, 3]);

        await peer.SendAsync(NetCommands.GetBlockTxn, Payloads.Serializer.Serialize(request));
        var response = Payloads.Serializer.Deserialize<BlockTransactions>((await peer.ReadUntilAsync(NetCommands.BlockTxn)).Payload);

        Assert.Equal(block.GetHash(), response.BlockHash);
        Assert.Equal([transactions[0].GetWitHash(), transactions[2].GetWitHash()], response.Transactions.Select(t => t.GetWitHash()));
    }

    [Fact]
    public async Task GetBlockTxnDeeperThanTenBlocksIsAnsweredWithTheFullBlock()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        var old = RegtestBlocks.Chain300[289];
        var request = new BlockTransactionsRequest { BlockHash = old.GetHash() };
        request.Indexes.Add(0);

        await peer.SendAsync(NetCommands.GetBlockTxn, Payloads.Serializer.Serialize(request));

        Assert.Equal(old.GetHash(), Payloads.ReadBlock((await peer.ReadUntilAsync(NetCommands.Block)).Payload).GetHash());
    }

    [Fact]
    public async Task GetBlockTxnPastTheLastTransactionScores100()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        var request = new BlockTransactionsRequest { BlockHash = CompactFixtures.Tip.GetHash() };
        request.Indexes.Add(1);

        await peer.SendAsync(NetCommands.GetBlockTxn, Payloads.Serializer.Serialize(request));

        Assert.True(await peer.WaitForDisconnectAsync());
    }

    [Fact]
    public async Task SenderOfAConnectedBlockIsAskedToAnnounceByCmpctBlock()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(1));

        await peer.SendAsync(NetCommands.Headers, Payloads.Headers([block.Header]));
        await peer.ReadUntilAsync(NetCommands.GetData);
        await peer.SendAsync(NetCommands.Block, Payloads.Block(block));
        var sendCmpct = Payloads.Serializer.Deserialize<SendCmpctPayload>(
            (await peer.ReadUntilAsync(NetCommands.SendCmpct, m => Payloads.Serializer.Deserialize<SendCmpctPayload>(m.Payload).PreferHeaderAndIDs)).Payload);

        Assert.Equal(2UL, sendCmpct.Version);
        Assert.True(await node.WaitForTipAsync(block.GetHash()));
    }

    [Fact]
    public async Task AtMostThreePeersAreHighBandwidthAnnouncersAndTheOldestIsToldToStop()
    {
        var pool = new PoolSink();
        await using var node = TestNode.Start(chain: InMemoryChain.FromBlocks(RegtestBlocks.Chain300), transactions: pool);
        var peers = new List<RawPeer>();
        var previous = CompactFixtures.Tip;
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var peer = await RawPeer.ConnectAsync(node.Endpoint);
                peers.Add(peer);
                await peer.HandshakeAsync();
                await peer.SendAsync(NetCommands.SendCmpct, CompactFixtures.SendCmpct(false, 2));
                var block = CompactFixtures.MineWith(previous, 301 + i, [], tag: (byte)(10 + i));
                await peer.SendAsync(NetCommands.CmpctBlock, CompactFixtures.CompactBlock(block));
                Assert.True(await node.WaitForTipAsync(block.GetHash()));
                await peer.ReadUntilAsync(NetCommands.SendCmpct, m => Payloads.Serializer.Deserialize<SendCmpctPayload>(m.Payload).PreferHeaderAndIDs);
                previous = block;
            }

            var stop = await peers[0].ReadUntilAsync(NetCommands.SendCmpct, m => !Payloads.Serializer.Deserialize<SendCmpctPayload>(m.Payload).PreferHeaderAndIDs);

            Assert.Equal(2UL, Payloads.Serializer.Deserialize<SendCmpctPayload>(stop.Payload).Version);
            foreach (var other in peers.Skip(1))
            {
                await other.SyncWithPingAsync();
                Assert.Equal(1, other.Received.Count(m => m.Command == NetCommands.SendCmpct && Payloads.Serializer.Deserialize<SendCmpctPayload>(m.Payload).PreferHeaderAndIDs));
            }
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.DisposeAsync();
            }
        }
    }
}
