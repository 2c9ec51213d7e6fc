using Faithcoin.Node.Mempool.FeeEstimation;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mempool.FeeEstimation;

/// <summary>The three horizons: their decay and resolution, how fast they forget, and how failures and waiting transactions count.</summary>
public sealed class HorizonTests
{
    private const long Fee = 10_000;
    private static readonly long Rate = Fee * 1000 / SimulatedPool.VirtualSize;

    private readonly BlockPolicyEstimator estimator = new();
    private readonly SimulatedPool pool;

    public HorizonTests() => pool = new SimulatedPool(estimator);

    [Fact]
    public void TheShortHorizonForgetsFirstAndEachReportsItsDecayAndScale()
    {
        MineConfirmingInOneBlock(blocks: 40, perBlock: 10);
        Assert.All(Enum.GetValues<FeeEstimateHorizon>(), h => Assert.True(estimator.EstimateRawFee(2, 0.95, h).Found, h.ToString()));
        var shortRaw = estimator.EstimateRawFee(2, 0.95, FeeEstimateHorizon.Short);
        Assert.Equal((0.962, 1), (shortRaw.Result.Decay, shortRaw.Result.Scale));
        Assert.Equal((0.9952, 2), Decay(FeeEstimateHorizon.Medium));
        Assert.Equal((0.99931, 24), Decay(FeeEstimateHorizon.Long));
        Assert.InRange(shortRaw.FeePerKilobyte, Rate - 1, Rate + 1);
        Assert.True(shortRaw.Result.Pass.Start < Rate && Rate <= shortRaw.Result.Pass.End);

        // Each horizon needs sufficient / (1 - decay) decayed transactions: 13.2 short, 20.8 medium, 145 long.
        // The 400 fed decay to 207, 365 and 395; below those needs after about 71, 595 and 1451 quiet blocks.
        pool.MineEmptyBlocks(100);
        Assert.False(estimator.EstimateRawFee(2, 0.95, FeeEstimateHorizon.Short).Found);
        Assert.True(estimator.EstimateRawFee(2, 0.95, FeeEstimateHorizon.Medium).Found);
        Assert.True(estimator.EstimateRawFee(2, 0.95, FeeEstimateHorizon.Long).Found);

        pool.MineEmptyBlocks(600);
        Assert.False(estimator.EstimateRawFee(2, 0.95, FeeEstimateHorizon.Medium).Found);
        Assert.True(estimator.EstimateRawFee(2, 0.95, FeeEstimateHorizon.Long).Found);

        pool.MineEmptyBlocks(800);
        Assert.False(estimator.EstimateRawFee(2, 0.95, FeeEstimateHorizon.Long).Found);
    }

    [Fact]
    public void EachHorizonAnswersOnlyTargetsItTracks()
    {
        MineConfirmingInOneBlock(blocks: 40, perBlock: 5);
        Assert.False(estimator.EstimateRawFee(13, 0.95, FeeEstimateHorizon.Short).Found);
        Assert.True(estimator.EstimateRawFee(48, 0.95, FeeEstimateHorizon.Medium).Found);
        Assert.False(estimator.EstimateRawFee(49, 0.95, FeeEstimateHorizon.Medium).Found);
        Assert.True(estimator.EstimateRawFee(1008, 0.95, FeeEstimateHorizon.Long).Found);
        Assert.False(estimator.EstimateRawFee(1009, 0.95, FeeEstimateHorizon.Long).Found);
        Assert.False(estimator.EstimateRawFee(2, 1.01, FeeEstimateHorizon.Long).Found);
    }

    [Fact]
    public void TransactionsThatLeaveUnconfirmedOrKeepWaitingCountAgainstTheirBucket()
    {
        FeedHighConfirmingLowEvicted(pool);
        var raw = estimator.EstimateRawFee(2, 0.95, FeeEstimateHorizon.Medium);
        Assert.InRange(raw.FeePerKilobyte, Rate - 1, Rate + 1);
        Assert.True(raw.Result.Fail.LeftMempool > 0, "evicted transactions count as failures");
        Assert.True(raw.Result.Fail.InMempool > 0, "low payers still waiting count too");
        Assert.True(raw.Result.Fail.End < Rate);
        Assert.Equal(0, raw.Result.Pass.LeftMempool);

        // Economical and conservative agree when every horizon saw the same market.
        Assert.Equal(
            estimator.EstimateSmartFee(4, conservative: true).FeePerKilobyte,
            estimator.EstimateSmartFee(4, conservative: false).FeePerKilobyte);
    }

    [Fact]
    public void RunningPoolTotalsMatch015sSlotWalkOnceTheChainIsLongEnough()
    {
        var stats = HorizonSettings.CreateStats(FeeBuckets.Default, FeeEstimateHorizon.Long);
        var random = new Random(5);
        var waiting = new List<(int Height, int Bucket)>();
        for (var height = 1; height <= 1300; height++)
        {
            stats.ClearCurrent(height);
            foreach (var (entryHeight, bucket) in waiting.Where(_ => random.Next(4) == 0).ToList())
            {
                stats.RemoveTransaction(entryHeight, height, bucket, inBlock: random.Next(2) == 0);
                waiting.Remove((entryHeight, bucket));
            }

            for (var i = random.Next(4); i > 0; i--)
            {
                waiting.Add((height, stats.NewTransaction(height, random.Next(1000, 30000))));
            }

            if (height >= stats.MaxConfirms && height % 50 == 0)
            {
                foreach (var bucket in waiting.Select(w => w.Bucket).Distinct())
                {
                    foreach (var target in new[] { 1, 2, 7, 24, 300, 1007 })
                    {
                        var walked = stats.ScanUnconfirmed(target, height, bucket);
                        var old = stats.UnconfirmedAtLeast(stats.MaxConfirms, height, bucket);
                        Assert.Equal(walked + old, stats.UnconfirmedAtLeast(target, height, bucket));
                    }
                }
            }
        }
    }

    [Fact]
    public void OnAYoungChainTheLongHorizonCountsAWaitingTransactionAgainAs015Does()
    {
        // 2^32 mod 1008 = 256: at height 41, age 257 wraps onto the slot of age 1.
        var young = HorizonSettings.CreateStats(FeeBuckets.Default, FeeEstimateHorizon.Long);
        var bucket = young.NewTransaction(40, 5000);
        young.ClearCurrent(41);
        Assert.Equal(2, young.UnconfirmedAtLeast(1, 41, bucket));
        Assert.Equal(1, young.UnconfirmedAtLeast(2, 41, bucket));
        Assert.Equal(0, young.UnconfirmedAtLeast(258, 41, bucket));

        var grown = HorizonSettings.CreateStats(FeeBuckets.Default, FeeEstimateHorizon.Long);
        grown.NewTransaction(5040, 5000);
        grown.ClearCurrent(5041);
        Assert.Equal(1, grown.UnconfirmedAtLeast(1, 5041, bucket));
        Assert.Equal(0, grown.UnconfirmedAtLeast(2, 5041, bucket));
    }

    [Fact]
    public void ConservativeEstimatesKeepTheLongerHistoryWhenFeesDrop()
    {
        // For 150 blocks low payers wait ten blocks; then for 100 blocks they confirm at once. The short horizon
        // has forgotten the wait, the medium one has not.
        var low = new List<FeeEstimatorEntry>();
        for (var block = 0; block < 250; block++)
        {
            var high = Enumerable.Range(0, 5).Select(_ => pool.Add(Fee)).ToList();
            low.AddRange(Enumerable.Range(0, 5).Select(_ => pool.Add(2_000)));
            var wait = block < 150 ? 10 : 1;
            var due = low.Where(e => pool.Height + 1 - e.EntryHeight >= wait).ToList();
            low.RemoveAll(due.Contains);
            pool.MineBlock(high.Concat(due).Select(e => e.Txid));
        }

        var lowRate = 2_000 * 1000 / SimulatedPool.VirtualSize;
        var economical = estimator.EstimateSmartFee(2, conservative: false);
        var conservative = estimator.EstimateSmartFee(2, conservative: true);
        Assert.InRange(economical.FeePerKilobyte, lowRate - 1, lowRate + 1);
        Assert.InRange(conservative.FeePerKilobyte, Rate - 1, Rate + 1);
        Assert.Equal(FeeReason.Conservative, conservative.Reason);
        Assert.Equal(2, conservative.ReturnedTarget);
    }

    private static void FeedHighConfirmingLowEvicted(SimulatedPool market)
    {
        // High payers confirm at once; low payers wait four blocks and are evicted; some are always waiting.
        var low = new List<FeeEstimatorEntry>();
        market.MineEmptyBlocks(1);
        for (var block = 0; block < 40; block++)
        {
            var high = Enumerable.Range(0, 3).Select(_ => market.Add(Fee)).ToList();
            low.AddRange(Enumerable.Range(0, 3).Select(_ => market.Add(1_000)));
            foreach (var old in low.Where(e => market.Height - e.EntryHeight >= 4).ToList())
            {
                market.Evict(old.Txid);
                low.Remove(old);
            }

            market.MineBlock(high.Select(e => e.Txid));
        }
    }

    private (double, int) Decay(FeeEstimateHorizon horizon)
    {
        var result = estimator.EstimateRawFee(2, 0.95, horizon).Result;
        return (result.Decay, result.Scale);
    }

    private void MineConfirmingInOneBlock(int blocks, int perBlock, long fee = Fee)
    {
        for (var block = 0; block < blocks; block++)
        {
            var entries = Enumerable.Range(0, perBlock).Select(_ => pool.Add(fee)).ToList();
            pool.MineBlock(entries.Select(e => e.Txid));
        }
    }
}
