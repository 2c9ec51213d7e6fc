using Faithcoin.P2P.Protocol.Compact;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Compact;

/// <summary>
/// 0.15's NewPoWValidBlock shortcut: the block is only a header in the chain (not connected, not served by
/// getdata) when <see cref="P2PNode.NewPoWValidBlock"/> is called, so whatever the peers get comes from the
/// event and the cached compact block alone.
/// </summary>
public sealed class PowValidBlockAnnouncementTests
{
    [Fact]
    public async Task HighBandwidthPeerGetsThePowValidBlockAsCmpctBlockBeforeItIsConnected()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        await peer.SendAsync(NetCommands.SendCmpct, CompactFixtures.SendCmpct(true, 2));
        await CompactFixtures.SyncTipAsync(peer);
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(2));

        node.Node.NewPoWValidBlock(node.Chain.AddHeader(block.Header), block);
        var compact = CompactFixtures.ReadCompactBlock((await peer.ReadUntilAsync(NetCommands.CmpctBlock)).Payload);
        var hasher = compact.CreateHasher();

        Assert.Equal(block.GetHash(), compact.Header.GetHash());
        Assert.Equal(block.Transactions.Skip(1).Select(t => hasher.ShortId(t.GetWitHash())), compact.ShortIds);
        Assert.Equal(CompactFixtures.Tip.GetHash(), node.Chain.Tip.HashBlock);
        Assert.Null(await node.Chain.ReadBlockAsync(block.GetHash(), CancellationToken.None));
    }

    [Fact]
    public async Task LowBandwidthPeerIsNotSentIt()
    {
        var (node, highBandwidth) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = highBandwidth;
        await using var lowBandwidth = await ConnectVersion2PeerAsync(node);
        await highBandwidth.SendAsync(NetCommands.SendCmpct, CompactFixtures.SendCmpct(true, 2));
        await CompactFixtures.SyncTipAsync(highBandwidth);
        await CompactFixtures.SyncTipAsync(lowBandwidth);
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(1));

        node.Node.NewPoWValidBlock(node.Chain.AddHeader(block.Header), block);
        await highBandwidth.ReadUntilAsync(NetCommands.CmpctBlock);
        await SettleAsync(lowBandwidth);

        Assert.DoesNotContain(lowBandwidth.Received, m => m.Command == NetCommands.CmpctBlock);
    }

    [Fact]
    public async Task PeerNotKnownToHaveTheParentIsNotSentIt()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        await peer.SendAsync(NetCommands.SendCmpct, CompactFixtures.SendCmpct(true, 2));
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(1));

        node.Node.NewPoWValidBlock(node.Chain.AddHeader(block.Header), block);
        await SettleAsync(peer);

        Assert.DoesNotContain(peer.Received, m => m.Command == NetCommands.CmpctBlock);
    }

    [Fact]
    public async Task TheBlockIsNotAnnouncedAgainWhenItBecomesTheTip()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        await peer.SendAsync(NetCommands.SendCmpct, CompactFixtures.SendCmpct(true, 2));
        await CompactFixtures.SyncTipAsync(peer);
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(1));
        node.Node.NewPoWValidBlock(node.Chain.AddHeader(block.Header), block);
        await peer.ReadUntilAsync(NetCommands.CmpctBlock);
        var before = peer.Received.Count;

        Assert.Null((await node.Chain.AcceptBlockAsync(block, true, CancellationToken.None)).Error);
        Assert.Equal(block.GetHash(), node.Chain.Tip.HashBlock);
        await SettleAsync(peer);

        Assert.DoesNotContain(peer.Received.Skip(before), m => m.Command is NetCommands.CmpctBlock or NetCommands.Headers or NetCommands.Inv);
    }

    [Fact]
    public async Task ACompetingBlockAtAHeightAlreadyAnnouncedIsNotAnnouncedEarly()
    {
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        await peer.SendAsync(NetCommands.SendCmpct, CompactFixtures.SendCmpct(true, 2));
        await CompactFixtures.SyncTipAsync(peer);
        var first = CompactFixtures.MineWith(CompactFixtures.Tip, 301, [], tag: 1);
        var competitor = CompactFixtures.MineWith(CompactFixtures.Tip, 301, [], tag: 2);

        node.Node.NewPoWValidBlock(node.Chain.AddHeader(first.Header), first);
        await peer.ReadUntilAsync(NetCommands.CmpctBlock);
        node.Node.NewPoWValidBlock(node.Chain.AddHeader(competitor.Header), competitor);
        await SettleAsync(peer);

        Assert.Equal(
            [first.GetHash()],
            peer.Received.Where(m => m.Command == NetCommands.CmpctBlock).Select(m => CompactFixtures.ReadCompactBlock(m.Payload).Header.GetHash()));
    }

    [Fact]
    public async Task GetDataAndGetBlockTxnForTheBlockAreAnsweredFromTheCache()
    {
        var transactions = CompactFixtures.WitnessTransactions(3);
        var (node, peer) = await CompactFixtures.StartAsync(new PoolSink());
        await using var _ = node;
        await using var __ = peer;
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, transactions);
        node.Node.NewPoWValidBlock(node.Chain.AddHeader(block.Header), block);
        var request = new BlockTransactionsRequest { BlockHash = block.GetHash() };
        request.Indexes.AddRange([1, 3]);

        await peer.SendAsync(NetCommands.GetData, Payloads.GetData(InventoryType.MSG_CMPCT_BLOCK, block.GetHash()));
        var compact = CompactFixtures.ReadCompactBlock((await peer.ReadUntilAsync(NetCommands.CmpctBlock)).Payload);
        await peer.SendAsync(NetCommands.GetBlockTxn, Payloads.Serializer.Serialize(request));
        var response = Payloads.Serializer.Deserialize<BlockTransactions>((await peer.ReadUntilAsync(NetCommands.BlockTxn)).Payload);

        Assert.Equal(block.GetHash(), compact.Header.GetHash());
        Assert.Equal([transactions[0].GetWitHash(), transactions[2].GetWitHash()], response.Transactions.Select(t => t.GetWitHash()));
        Assert.Equal(0, node.Chain.ServedBlocks);
    }

    [Fact]
    public async Task OnceSegwitAppliesAVersion1PeerWaitsForTheTipAndGetsTxidShortIds()
    {
        var chain = InMemoryChain.FromBlocks(RegtestBlocks.Chain300);
        chain.SegwitActive = true;
        await using var node = TestNode.Start(chain: chain, transactions: new PoolSink());
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();
        await peer.SendAsync(NetCommands.SendCmpct, CompactFixtures.SendCmpct(true, 1));
        await CompactFixtures.SyncTipAsync(peer);
        var block = CompactFixtures.MineWith(CompactFixtures.Tip, 301, CompactFixtures.WitnessTransactions(2));

        node.Node.NewPoWValidBlock(chain.AddHeader(block.Header), block);
        await SettleAsync(peer);
        Assert.DoesNotContain(peer.Received, m => m.Command == NetCommands.CmpctBlock);
        await chain.AcceptBlockAsync(block, true, CancellationToken.None);
        var compact = CompactFixtures.ReadCompactBlock((await peer.ReadUntilAsync(NetCommands.CmpctBlock)).Payload);
        var hasher = compact.CreateHasher();

        Assert.Equal(block.GetHash(), compact.Header.GetHash());
        Assert.Equal(block.Transactions.Skip(1).Select(t => hasher.ShortId(t.GetHash())), compact.ShortIds);
        Assert.Equal(0, chain.ServedBlocks);
    }

    private static async Task<RawPeer> ConnectVersion2PeerAsync(TestNode node)
    {
        var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();
        await peer.SendAsync(NetCommands.SendCmpct, CompactFixtures.SendCmpct(false, 2));
        await peer.SyncWithPingAsync();
        return peer;
    }

    // Two round trips: whatever a SendMessages pass had pending for the peer went out before the second pong.
    private static async Task SettleAsync(RawPeer peer)
    {
        await peer.SyncWithPingAsync(1);
        await peer.SyncWithPingAsync(2);
    }
}
