using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain.Queries;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Mempool.Policy;
using Faithcoin.Node.Tests.Chain;
using NBitcoin;
using static Faithcoin.Node.Tests.Chain.RegtestBlockBuilder;

namespace Faithcoin.Node.Tests.Indexes;

/// <summary>-txindex over real RocksDB: spent transactions found, reorganisations, catch-up and restarts.</summary>
public sealed class TransactionIndexTests
{
    private static readonly Block Genesis = ChainParams.Regtest.CreateGenesisBlock();
    private static readonly ChainedHeader GenesisHeader = new(Genesis.Header, Genesis.GetHash(), null);

    /// <summary>101 blocks, then a block spending the first coinbase and one spending that spend: both fully spent.</summary>
    private sealed class SpentChain
    {
        public SpentChain()
        {
            Trunk = Extend(GenesisHeader, 101);
            var tip = Headers(Trunk)[^1];
            var coinbase = Trunk[0].Transactions[0];
            Spend = RegtestBlockBuilder.Spend(new OutPoint(coinbase.GetHash(), 0), coinbase.Outputs[0].Value.Satoshi, 1);
            SpendOfSpend = RegtestBlockBuilder.Spend(new OutPoint(Spend.GetHash(), 0), Spend.Outputs[0].Value.Satoshi, 2);
            First = Build(tip, [Spend]);
            Second = Build(HeaderOf(First, tip), [SpendOfSpend]);
            TrunkTip = tip;
        }

        public List<Block> Trunk { get; }

        public ChainedHeader TrunkTip { get; }

        public Transaction Spend { get; }

        public Transaction SpendOfSpend { get; }

        public Block First { get; }

        public Block Second { get; }

        public IEnumerable<Block> All => [.. Trunk, First, Second];
    }

    [Fact]
    public void A_fully_spent_transaction_is_found_with_the_index_and_not_without()
    {
        var chain = new SpentChain();
        using var folder = new TempDirectory();
        using var node = IndexedNode.Open(folder.Combine("indexed"));
        node.SyncToTip();
        node.Node.SubmitAll(chain.All);

        // Followed through notifications alone: no walk was needed.
        Assert.Equal(chain.Second.GetHash(), node.Index.BestBlock!.HashBlock);
        var found = node.Lookup.Find(chain.Spend.GetHash());
        Assert.NotNull(found);
        Assert.Equal(chain.Spend.ToHex(), found.Transaction.ToHex());
        Assert.Equal(chain.First.GetHash(), found.Block!.HashBlock);
        var coinbase = node.Lookup.Find(chain.Trunk[0].Transactions[0].GetHash());
        Assert.Equal(chain.Trunk[0].GetHash(), coinbase!.Block!.HashBlock);
        Assert.Equal(chain.SpendOfSpend.GetHash(), node.Lookup.Find(chain.SpendOfSpend.GetHash())!.Transaction.GetHash());

        // 0.15 never indexes the genesis block; an unknown txid is not found.
        Assert.Null(node.Index.Find(Genesis.Transactions[0].GetHash()));
        Assert.Null(node.Lookup.Find(uint256.One));

        using var plain = ChainNode.Open(folder.Combine("plain"));
        plain.SubmitAll(chain.All);
        var withoutIndex = new TransactionLookup(plain.Chain, new TransactionPool(new PolicySettings(), [], TimeProvider.System));
        Assert.Null(withoutIndex.Find(chain.Spend.GetHash()));
        Assert.Null(withoutIndex.Find(chain.Trunk[0].Transactions[0].GetHash()));
        Assert.NotNull(withoutIndex.Find(chain.SpendOfSpend.GetHash()));
    }

    [Fact]
    public void Every_transaction_of_a_large_block_is_read_back_at_its_offset()
    {
        // Many transactions, so later offsets depend on every earlier size.
        var trunk = Extend(GenesisHeader, 101);
        var tip = Headers(trunk)[^1];
        var coinbase = trunk[0].Transactions[0];
        var fanOut = Spend(new OutPoint(coinbase.GetHash(), 0), coinbase.Outputs[0].Value.Satoshi, 300);
        var spends = Enumerable.Range(0, 300).Select(i => Spend(new OutPoint(fanOut.GetHash(), (uint)i), fanOut.Outputs[i].Value.Satoshi, 1)).ToList();
        var block = Build(tip, [fanOut, .. spends]);

        using var folder = new TempDirectory();
        using var node = IndexedNode.Open(folder.Path);
        node.Node.SubmitAll([.. trunk, block]);
        node.SyncToTip();
        foreach (var tx in block.Transactions)
        {
            Assert.Equal(tx.ToHex(), node.Index.Find(tx.GetHash())!.Value.Transaction.ToHex());
        }
    }

    [Fact]
    public void A_transaction_of_an_invalidated_block_is_not_found_and_its_new_block_is()
    {
        var chain = new SpentChain();
        using var folder = new TempDirectory();
        using var node = IndexedNode.Open(folder.Path);
        node.SyncToTip();
        node.Node.SubmitAll(chain.All);

        node.Node.Chain.InvalidateBlock(chain.First.GetHash());
        Assert.Equal(chain.TrunkTip.HashBlock, node.Index.BestBlock!.HashBlock);
        Assert.Null(node.Index.Find(chain.Spend.GetHash()));
        Assert.Null(node.Index.Find(chain.SpendOfSpend.GetHash()));

        // The same transaction mined again in another block: the index points there.
        var other = Build(chain.TrunkTip, [chain.Spend], tag: 7);
        node.Node.SubmitAll([other]);
        Assert.Equal(other.GetHash(), node.Lookup.Find(chain.Spend.GetHash())!.Block!.HashBlock);
        Assert.Null(node.Lookup.Find(chain.SpendOfSpend.GetHash()));

        node.Node.Chain.ReconsiderBlock(chain.First.GetHash());
        Assert.Equal(chain.Second.GetHash(), node.Node.Chain.Tip.HashBlock);
        node.SyncToTip();
        Assert.Equal(chain.First.GetHash(), node.Lookup.Find(chain.Spend.GetHash())!.Block!.HashBlock);
        Assert.Equal(chain.Second.GetHash(), node.Lookup.Find(chain.SpendOfSpend.GetHash())!.Block!.HashBlock);
    }

    [Fact]
    public void A_lagging_index_catches_up_and_resumes_from_its_marker_after_a_restart()
    {
        var chain = new SpentChain();
        using var folder = new TempDirectory();
        using (var node = IndexedNode.Open(folder.Path))
        {
            node.SyncToTip();
            node.Node.SubmitAll(chain.Trunk);
            node.StopFollowing();
            node.Node.SubmitAll([chain.First, chain.Second]);
            Assert.Equal(chain.TrunkTip.HashBlock, node.Index.BestBlock!.HashBlock);
            Assert.Null(node.Index.Find(chain.Spend.GetHash()));
            node.Node.Chain.Flush();
        }

        using var reopened = IndexedNode.Open(folder.Path);
        Assert.Equal(chain.TrunkTip.HashBlock, reopened.Store.GetBestBlock());
        Assert.Equal(2, reopened.SyncToTip());
        Assert.Equal(chain.Second.GetHash(), reopened.Index.BestBlock!.HashBlock);
        Assert.Equal(chain.First.GetHash(), reopened.Index.Find(chain.Spend.GetHash())!.Value.Block.HashBlock);
    }

    [Fact]
    public void An_index_started_on_a_chain_built_without_it_is_built_in_the_background()
    {
        var chain = new SpentChain();
        using var folder = new TempDirectory();
        using (var plain = ChainNode.Open(folder.Path))
        {
            plain.SubmitAll(chain.All);
            plain.Chain.Flush();
        }

        using var node = IndexedNode.Open(folder.Path);

        // Notifications that do not extend the marker wait for the walk instead of leaving a gap.
        Assert.Null(node.Index.Find(chain.Spend.GetHash()));
        Assert.Equal(104, node.SyncToTip());
        Assert.Equal(chain.First.GetHash(), node.Lookup.Find(chain.Spend.GetHash())!.Block!.HashBlock);
    }

    [Fact]
    public void An_index_ahead_on_a_branch_the_chain_left_moves_back_to_the_active_chain()
    {
        var chain = new SpentChain();
        using var folder = new TempDirectory();
        using var node = IndexedNode.Open(folder.Path);
        node.SyncToTip();
        node.Node.SubmitAll(chain.All);

        // As after a crash where the index outlived chain state writes: its marker is on blocks no longer active.
        node.StopFollowing();
        var branch = Extend(chain.TrunkTip, 3, tag: 9);
        node.Node.SubmitAll(branch);
        Assert.Equal(branch[^1].GetHash(), node.Node.Chain.Tip.HashBlock);
        Assert.Equal(chain.Second.GetHash(), node.Index.BestBlock!.HashBlock);
        Assert.Null(node.Index.Find(chain.Spend.GetHash()));

        node.Follow();
        node.SyncToTip();
        Assert.Equal(branch[^1].GetHash(), node.Index.BestBlock!.HashBlock);
        Assert.Equal(branch[0].GetHash(), node.Index.Find(branch[0].Transactions[0].GetHash())!.Value.Block.HashBlock);
    }

    private static List<ChainedHeader> Headers(IReadOnlyList<Block> blocks)
    {
        var headers = new List<ChainedHeader>();
        var previous = GenesisHeader;
        foreach (var block in blocks)
        {
            previous = HeaderOf(block, previous);
            headers.Add(previous);
        }

        return headers;
    }
}
