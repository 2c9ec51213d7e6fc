using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Protocol.Bloom;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Bloom;

/// <summary>getdata MSG_FILTERED_BLOCK on a real node: a merkleblock, then the matched transactions without witness.</summary>
public sealed class FilteredBlockTests
{
    private static readonly byte[] PaymentAddress = Convert.FromHexString("a266436d2965547608b9e15d9032a7b9d64fa431");

    [Fact]
    public async Task MatchingTransactionsComeAsMerkleblockThenTxWithoutWitness()
    {
        var (chain, block) = ChainWithTransactions();
        await using var node = TestNode.Start(BloomPeers.Serving(), chain);
        await using var client = await BloomPeers.ConnectAsync(node);
        var segwit = block.Transactions[2];
        var plain = block.Transactions[3];
        await client.SendAsync(NetCommands.FilterLoad, BloomPeers.FilterLoad(segwit.GetHash(), plain.GetHash()));

        var (filtered, transactions) = await RequestAsync(client, block.GetHash());

        AssertProves(block, filtered, [2, 3]);
        Assert.Equal([Payloads.Serializer.Serialize(segwit, TransactionOptions.None), plain.ToBytes()], transactions);
        Assert.True(segwit.HasWitness);
    }

    [Fact]
    public async Task FilterIsUpdatedByTheBlockSoSpendsInItMatchToo()
    {
        var (chain, block) = ChainWithTransactions();
        await using var node = TestNode.Start(BloomPeers.Serving(), chain);
        await using var client = await BloomPeers.ConnectAsync(node);
        await client.SendAsync(NetCommands.FilterLoad, BloomPeers.FilterLoad(BloomUpdate.All, PaymentAddress));

        var (filtered, transactions) = await RequestAsync(client, block.GetHash());

        // The fourth transaction spends the second's output, which matching its address added (BLOOM_UPDATE_ALL).
        AssertProves(block, filtered, [1, 3]);
        Assert.Equal(2, transactions.Count);
    }

    [Fact]
    public async Task WithoutAFilterloadThePeersMatchAllFilterSendsEveryTransaction()
    {
        // 0.15 gives each peer the default filter, which matches everything, until it loads its own.
        var (chain, block) = ChainWithTransactions();
        await using var node = TestNode.Start(BloomPeers.Serving(), chain);
        await using var client = await BloomPeers.ConnectAsync(node);

        var (filtered, transactions) = await RequestAsync(client, block.GetHash());

        AssertProves(block, filtered, [0, 1, 2, 3]);
        Assert.Equal(4, transactions.Count);
    }

    [Fact]
    public async Task NoMatchGivesAMerkleblockAlone()
    {
        var (chain, block) = ChainWithTransactions();
        await using var node = TestNode.Start(BloomPeers.Serving(), chain);
        await using var client = await BloomPeers.ConnectAsync(node);
        await client.SendAsync(NetCommands.FilterLoad, BloomPeers.FilterLoad(uint256.One));

        var (filtered, transactions) = await RequestAsync(client, block.GetHash());

        AssertProves(block, filtered, []);
        Assert.Empty(transactions);
    }

    [Fact]
    public async Task UnknownBlockIsSkippedSilently()
    {
        var (chain, _) = ChainWithTransactions();
        await using var node = TestNode.Start(BloomPeers.Serving(), chain);
        await using var client = await BloomPeers.ConnectAsync(node);

        await client.SendAsync(NetCommands.GetData, Payloads.GetData(InventoryType.MSG_FILTERED_BLOCK, uint256.One));
        await client.SyncWithPingAsync(7);

        Assert.DoesNotContain(client.Received, m => m.Command is NetCommands.MerkleBlock or NetCommands.Tx or NetCommands.NotFound);
        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
    }

    /// <summary>Sends getdata MSG_FILTERED_BLOCK and a ping; the merkleblock and the tx payloads that came before the pong.</summary>
    private static async Task<(MerkleBlock Filtered, List<byte[]> Transactions)> RequestAsync(RawPeer client, uint256 hash)
    {
        var start = client.Received.Count;
        await client.SendAsync(NetCommands.GetData, Payloads.GetData(InventoryType.MSG_FILTERED_BLOCK, hash));
        await client.SyncWithPingAsync(7);
        var answer = client.Received.Skip(start).Where(m => m.Command is NetCommands.MerkleBlock or NetCommands.Tx).ToList();
        Assert.Single(answer, m => m.Command == NetCommands.MerkleBlock);
        Assert.Equal(NetCommands.MerkleBlock, answer[0].Command);
        var merkleBlock = new MerkleBlock();
        merkleBlock.ReadWrite(answer[0].Payload, Network.Main);
        return (merkleBlock, answer.Skip(1).Select(m => m.Payload).ToList());
    }

    /// <summary>The merkleblock is the block's header and a tree that proves its merkle root and yields exactly these transactions.</summary>
    private static void AssertProves(Block block, MerkleBlock filtered, int[] indexes)
    {
        Assert.Equal(block.GetHash(), filtered.Header.GetHash());
        Assert.Equal(block.Header.HashMerkleRoot, filtered.PartialMerkleTree.GetMerkleRoot().Hash);
        Assert.Equal(indexes.Select(i => block.Transactions[i].GetHash()), filtered.PartialMerkleTree.GetMatchedTransactions());
    }

    private static readonly Lazy<(Block Block, Block Genesis)> Cached = new(Build);

    private static (InMemoryChain Chain, Block Block) ChainWithTransactions()
    {
        var (block, genesis) = Cached.Value;
        return (InMemoryChain.FromBlocks([genesis, block]), block);
    }

    // Coinbase; a plain payment; a segwit spend; a spend of the plain payment's output.
    private static (Block Block, Block Genesis) Build()
    {
        var genesis = ChainParams.Regtest.CreateGenesisBlock();
        var block = RegtestBlocks.Mine(genesis, DateTimeOffset.UtcNow.AddMinutes(-10), 1);
        var payment = BloomPeers.PayTo(PaymentAddress);
        var segwit = PoolSink.Create(7000);
        segwit.Inputs[0].WitScript = new WitScript(Op.GetPushOp(new byte[] { 1, 2, 3 }));
        var spend = PoolSink.Create(6000, new OutPoint(payment.GetHash(), 0));
        block.Transactions.AddRange([payment, segwit, spend]);
        block.UpdateMerkleRoot();
        while (!block.Header.CheckProofOfWork())
        {
            block.Header.Nonce++;
        }

        return (block, genesis);
    }
}
