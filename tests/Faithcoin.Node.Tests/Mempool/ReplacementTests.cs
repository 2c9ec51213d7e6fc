using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Mempool.Policy;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mempool;

/// <summary>BIP125 replace-by-fee through acceptance: opt-in, fee rules and the evicted set.</summary>
public sealed class ReplacementTests : IDisposable
{
    private const long Coin = MempoolTestNode.Coin;
    private const uint OptIn = 0xfffffffd;
    private readonly MempoolTestNode node = new(new PolicySettings { RequireStandard = false, EnableReplacement = true });

    [Fact]
    public void A_conflict_with_a_transaction_that_did_not_opt_in_is_refused()
    {
        node.AcceptOrFail(MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin));
        var rival = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, fee: 10 * MempoolTestNode.DefaultFee);
        MempoolAcceptanceTests.AssertRejected(node.Accept(rival), "txn-mempool-conflict", RejectCode.Duplicate);
    }

    [Fact]
    public void A_higher_paying_replacement_evicts_the_original_and_its_descendants()
    {
        var original = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, sequence: OptIn);
        node.AcceptOrFail(original);
        var child = MempoolTestNode.Spend(new OutPoint(original.GetHash(), 0), original.Outputs[0].Value.Satoshi);
        node.AcceptOrFail(child);

        var replacement = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, fee: 5 * MempoolTestNode.DefaultFee, outputs: 2);
        var result = node.Accept(replacement);

        Assert.True(result.Accepted, result.Error?.ToString());
        Assert.Equal(new[] { original.GetHash(), child.GetHash() }.OrderBy(h => h), result.Replaced.OrderBy(h => h));
        Assert.False(node.Pool.Contains(original.GetHash()));
        Assert.False(node.Pool.Contains(child.GetHash()));
        Assert.True(node.Pool.Contains(replacement.GetHash()));
    }

    [Fact]
    public void A_replacement_must_pay_more_than_everything_it_evicts()
    {
        var original = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, sequence: OptIn);
        node.AcceptOrFail(original);
        var child = MempoolTestNode.Spend(new OutPoint(original.GetHash(), 0), original.Outputs[0].Value.Satoshi, fee: 3 * MempoolTestNode.DefaultFee);
        node.AcceptOrFail(child);

        // A higher fee rate than the original, but less than original + child together.
        var replacement = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, fee: 2 * MempoolTestNode.DefaultFee);
        var result = node.Accept(replacement);
        MempoolAcceptanceTests.AssertRejected(result, "insufficient fee", RejectCode.InsufficientFee);
        Assert.Contains("less fees than conflicting txs", result.Error!.Debug, StringComparison.Ordinal);
        Assert.True(node.Pool.Contains(original.GetHash()));
    }

    [Fact]
    public void A_replacement_with_no_better_fee_rate_is_refused()
    {
        node.AcceptOrFail(MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, sequence: OptIn));
        var same = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, outputs: 1, sequence: 0xfffffffe);
        var result = node.Accept(same);
        MempoolAcceptanceTests.AssertRejected(result, "insufficient fee", RejectCode.InsufficientFee);
        Assert.Contains("new feerate", result.Error!.Debug, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replacement_may_not_add_unconfirmed_inputs()
    {
        var original = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, sequence: OptIn);
        node.AcceptOrFail(original);
        var unrelated = MempoolTestNode.Spend(node.CoinbaseOutput(2), 50 * Coin);
        node.AcceptOrFail(unrelated);

        var replacement = MempoolTestNode.Spend([node.CoinbaseOutput(1), new OutPoint(unrelated.GetHash(), 0)], 50 * Coin + unrelated.Outputs[0].Value.Satoshi, 10 * MempoolTestNode.DefaultFee);
        MempoolAcceptanceTests.AssertRejected(node.Accept(replacement), "replacement-adds-unconfirmed", RejectCode.Nonstandard);
    }

    public void Dispose() => node.Dispose();
}
