using Faithcoin.Node.Mempool;
using Faithcoin.Node.Mempool.Policy;
using Microsoft.Extensions.Time.Testing;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mempool;

/// <summary>-maxmempool eviction with the rolling minimum fee, -mempoolexpiry, and block selection order.</summary>
public sealed class MempoolLimitsTests
{
    private const long Coin = MempoolTestNode.Coin;

    [Fact]
    public void A_full_pool_evicts_the_lowest_fee_rate_and_raises_the_entry_fee()
    {
        using var node = new MempoolTestNode();
        var cheap = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, fee: 200_000);
        var rich = MempoolTestNode.Spend(node.CoinbaseOutput(2), 50 * Coin, fee: 900_000);
        node.AcceptOrFail(cheap);
        node.AcceptOrFail(rich);

        var removed = node.Pool.TrimToSize(node.Pool.DynamicUsage - 1);

        Assert.Equal(1, removed);
        Assert.False(node.Pool.Contains(cheap.GetHash()));
        Assert.True(node.Pool.Contains(rich.GetHash()));
        var evictedRate = 200_000 * 1000 / cheap.GetVirtualSize();
        Assert.Equal(evictedRate + node.Policy.IncrementalRelayFee.SatoshisPerK, node.Pool.GetMinFee());

        // A newcomer paying less than the new minimum is refused.
        var result = node.Accept(MempoolTestNode.Spend(node.CoinbaseOutput(3), 50 * Coin, fee: 150_000));
        Assert.Equal("mempool min fee not met", result.Error?.Reason);
    }

    [Fact]
    public void A_pool_over_its_limit_after_acceptance_reports_mempool_full()
    {
        using var node = new MempoolTestNode(new PolicySettings { RequireStandard = false, MaxMempoolBytes = 1 });
        var result = node.Accept(MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin));
        Assert.Equal("mempool full", result.Error?.Reason);
        Assert.Equal(0, node.Pool.Count);
    }

    [Fact]
    public void Entries_older_than_the_expiry_leave_with_their_descendants()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var node = new MempoolTestNode(time: clock);
        var old = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin);
        node.AcceptOrFail(old);
        clock.Advance(TimeSpan.FromHours(200));
        var child = MempoolTestNode.Spend(new OutPoint(old.GetHash(), 0), old.Outputs[0].Value.Satoshi);
        node.AcceptOrFail(child);
        clock.Advance(TimeSpan.FromHours(200));

        // Acceptance expires old entries first (LimitMempoolSize).
        node.AcceptOrFail(MempoolTestNode.Spend(node.CoinbaseOutput(2), 50 * Coin));

        Assert.False(node.Pool.Contains(old.GetHash()));
        Assert.False(node.Pool.Contains(child.GetHash()));
        Assert.Equal(1, node.Pool.Count);
    }

    [Fact]
    public void Block_selection_takes_a_rich_child_with_its_poor_parent_before_a_middling_loner()
    {
        using var node = new MempoolTestNode();
        var parent = MempoolTestNode.Spend(node.CoinbaseOutput(1), 50 * Coin, fee: 100_000);
        var child = MempoolTestNode.Spend(new OutPoint(parent.GetHash(), 0), parent.Outputs[0].Value.Satoshi, fee: 5_000_000);
        var loner = MempoolTestNode.Spend(node.CoinbaseOutput(2), 50 * Coin, fee: 1_000_000);
        node.AcceptOrFail(parent);
        node.AcceptOrFail(child);
        node.AcceptOrFail(loner);

        var order = PackageSelector.Select(node.Pool, 1_000).Select(c => c.Transaction.GetHash()).ToArray();
        Assert.Equal([parent.GetHash(), child.GetHash(), loner.GetHash()], order);

        // A floor above the loner's rate stops selection after the package.
        var floor = (1_000_000 * 1000 / loner.GetVirtualSize()) + 1;
        Assert.Equal(2, PackageSelector.Select(node.Pool, floor).Count);
    }
}
