using Faithcoin.Node.Mempool;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mempool;

/// <summary>The pool follows the chain: blocks take transactions and conflicts out, reorganisations put them back.</summary>
public sealed class MempoolChainSyncTests : IDisposable
{
    private const long Coin = MempoolTestNode.Coin;
    private readonly MempoolTestNode node = new();

    [Fact]
    public void A_block_removes_its_transactions_and_their_children_lose_an_ancestor()
    {
        var parent = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin);
        node.AcceptOrFail(parent);
        var child = MempoolTestNode.Spend(new OutPoint(parent.GetHash(), 0), parent.Outputs[0].Value.Satoshi);
        node.AcceptOrFail(child);

        node.Mine(parent);

        Assert.False(node.Pool.Contains(parent.GetHash()));
        var c = node.Pool.GetEntry(child.GetHash())!;
        Assert.Equal(1, c.AncestorCount);
        Assert.Equal(c.Fee, c.AncestorFees);
        Assert.Empty(c.Depends);
    }

    [Fact]
    public void A_block_spending_the_same_output_removes_the_conflict_with_its_descendants()
    {
        var poolTx = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin);
        node.AcceptOrFail(poolTx);
        var poolChild = MempoolTestNode.Spend(new OutPoint(poolTx.GetHash(), 0), poolTx.Outputs[0].Value.Satoshi);
        node.AcceptOrFail(poolChild);

        node.Mine(MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, fee: 2 * MempoolTestNode.DefaultFee));

        Assert.Equal(0, node.Pool.Count);
    }

    [Fact]
    public void Invalidating_the_block_puts_its_transactions_back_with_their_pool_children_relinked()
    {
        var confirmed = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin);
        var block = node.Mine(confirmed);
        var child = MempoolTestNode.Spend(new OutPoint(confirmed.GetHash(), 0), confirmed.Outputs[0].Value.Satoshi);
        node.AcceptOrFail(child);
        Assert.Equal(1, node.Pool.GetEntry(child.GetHash())!.AncestorCount);

        node.Chain.InvalidateBlock(block.GetHash());

        Assert.True(node.Pool.Contains(confirmed.GetHash()));
        var c = node.Pool.GetEntry(child.GetHash())!;
        Assert.Equal(2, c.AncestorCount);
        Assert.Equal([confirmed.GetHash()], c.Depends);
        Assert.Equal(2, node.Pool.GetEntry(confirmed.GetHash())!.DescendantCount);
    }

    [Fact]
    public void A_reorganisation_drops_spends_of_a_coinbase_that_is_no_longer_mature()
    {
        // Coinbase 12 matures at height 112: spendable on top of block 111, not on top of 110.
        var tip = node.Mine();
        var spend = MempoolTestNode.Spend(node.CoinbaseOutput(12), 50 * Coin);
        node.AcceptOrFail(spend);

        node.Chain.InvalidateBlock(tip.GetHash());

        Assert.False(node.Pool.Contains(spend.GetHash()));
    }

    [Fact]
    public void Orphans_confirmed_or_conflicted_by_a_block_are_dropped()
    {
        var parent = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin);
        var orphan = MempoolTestNode.Spend(new OutPoint(parent.GetHash(), 0), parent.Outputs[0].Value.Satoshi);
        Assert.True(node.Orphans.Add(orphan, peerId: 7));
        Assert.Single(node.Orphans.ChildrenOf(parent));

        node.Mine(parent, orphan);

        Assert.Equal(0, node.Orphans.Count);
    }

    public void Dispose() => node.Dispose();
}
