using Faithcoin.Node.Mempool.FeeEstimation;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mempool.FeeEstimation;

/// <summary>
/// The estimator fed as Bitcoin Core's policyestimator_tests.cpp feeds it: ten fee levels, four transactions of
/// each per block, where the highest level confirms in every block, the next in 9 of 10 and so on.
/// </summary>
public sealed class BlockPolicyEstimatorTests
{
    private const long BaseFee = 2000;
    private const long DeltaFee = 100;
    private static readonly long BaseRate = BaseFee * 1000 / SimulatedPool.VirtualSize;

    private readonly BlockPolicyEstimator estimator = new();
    private readonly SimulatedPool pool;
    private readonly List<uint256>[] waiting = Enumerable.Range(0, 10).Select(_ => new List<uint256>()).ToArray();

    public BlockPolicyEstimatorTests() => pool = new SimulatedPool(estimator);

    [Fact]
    public void EstimatesFollowTheFeeLevelsThatConfirmAndReactToCongestionAndRelief()
    {
        while (pool.Height < 200)
        {
            AddFourOfEachLevel();

            // Higher levels are included more often: level 9 in every block, level 0 in one of ten.
            var block = new List<uint256>();
            for (var h = 0; h <= pool.Height % 10; h++)
            {
                block.AddRange(waiting[9 - h]);
                waiting[9 - h].Clear();
            }

            pool.MineBlock(block);
            if (pool.Height == 3)
            {
                // Three buckets must be combined for enough data: 100%, 100%, 90% within 2 blocks.
                Assert.Equal(0, estimator.EstimateFee(1));
                AssertNear(9 * BaseRate, estimator.EstimateFee(2));
            }
        }

        var original = new List<long>();
        for (var target = 1; target < 10; target++)
        {
            original.Add(estimator.EstimateFee(target));
            if (target > 2)
            {
                Assert.True(original[target - 1] <= original[target - 2], $"not monotone at {target}");
            }

            // At scale 2 the medium horizon answers even targets exactly.
            if (target % 2 == 0)
            {
                AssertNear((11 - target) * BaseRate, original[target - 1]);
            }
        }

        // 50 empty blocks: the averages have not decayed enough to change anything.
        pool.MineEmptyBlocks(50);
        Assert.Equal(0, estimator.EstimateFee(1));
        for (var target = 2; target < 10; target++)
        {
            AssertNear(original[target - 1], estimator.EstimateFee(target));
        }

        // 15 blocks in which nothing confirms: estimates go up or disappear.
        while (pool.Height < 265)
        {
            AddFourOfEachLevel();
            pool.MineBlock([]);
        }

        for (var target = 1; target < 10; target++)
        {
            var estimate = estimator.EstimateFee(target);
            Assert.True(estimate == 0 || estimate > original[target - 1] - DeltaFee, $"target {target}: {estimate}");
        }

        // All of them confirm at once: still not below the original.
        pool.MineBlock(waiting.SelectMany(w => w).ToList());
        Array.ForEach(waiting, w => w.Clear());
        Assert.Equal(0, estimator.EstimateFee(1));
        for (var target = 2; target < 10; target++)
        {
            var estimate = estimator.EstimateFee(target);
            Assert.True(estimate == 0 || estimate > original[target - 1] - DeltaFee, $"target {target}: {estimate}");
        }

        // 400 blocks where everything confirms at once: estimates fall below the original.
        while (pool.Height < 665)
        {
            pool.MineBlock(Enumerable.Range(0, 10).SelectMany(level => FourOf(level)).ToList());
        }

        Assert.Equal(0, estimator.EstimateFee(1));
        for (var target = 2; target < 9; target++)
        {
            Assert.True(estimator.EstimateFee(target) < original[target - 1] - DeltaFee, $"target {target}");
        }

        // The smart estimate is never below the raw 85% answer of the medium horizon, and is monotone.
        var previous = long.MaxValue;
        for (var target = 1; target < 10; target++)
        {
            var smart = estimator.EstimateSmartFee(target, conservative: true);
            Assert.True(smart.Found);
            Assert.True(smart.FeePerKilobyte >= estimator.EstimateRawFee(target, 0.85, FeeEstimateHorizon.Medium).FeePerKilobyte);
            Assert.True(smart.FeePerKilobyte <= previous);
            previous = smart.FeePerKilobyte;
        }
    }

    [Fact]
    public void AFreshEstimatorHasNoAnswerAndClampsTheTarget()
    {
        Assert.Equal(0, estimator.EstimateFee(2));
        Assert.Equal(0, estimator.EstimateFee(1));
        var smart = estimator.EstimateSmartFee(6, conservative: true);
        Assert.False(smart.Found);
        Assert.Equal((6, 0), (smart.DesiredTarget, smart.ReturnedTarget));

        // Out of the long horizon's range the target is returned as asked.
        Assert.Equal(1009, estimator.EstimateSmartFee(1009, conservative: false).ReturnedTarget);
        Assert.Equal(0, estimator.EstimateSmartFee(0, conservative: false).ReturnedTarget);

        var raw = estimator.EstimateRawFee(6, 0.95, FeeEstimateHorizon.Short);
        Assert.False(raw.Found);
        Assert.Equal((0.962, 1), (raw.Result.Decay, raw.Result.Scale));
        Assert.Equal((0.0, 1e99), (raw.Result.Fail.Start, raw.Result.Fail.End));
        Assert.Equal(-1, raw.Result.Pass.Start);
        Assert.Equal((12, 48, 1008), (
            estimator.HighestTargetTracked(FeeEstimateHorizon.Short),
            estimator.HighestTargetTracked(FeeEstimateHorizon.Medium),
            estimator.HighestTargetTracked(FeeEstimateHorizon.Long)));
    }

    [Fact]
    public void TheUsableTargetGrowsWithTheBlocksRecordedAndIgnoresOldOrUntrackedTransactions()
    {
        // A transaction from a height other than the best seen (a reorg, a lagging estimator) is not tracked.
        pool.MineEmptyBlocks(1);
        var stale = new FeeEstimatorEntry(new uint256(7), 0, 5000, 200);
        estimator.ProcessTransaction(stale, validFeeEstimate: true);
        Assert.False(estimator.RemoveTransaction(stale.Txid, inBlock: false));
        var untracked = new FeeEstimatorEntry(new uint256(8), 1, 5000, 200);
        estimator.ProcessTransaction(untracked, validFeeEstimate: false);
        Assert.Equal(0, estimator.TrackedCount);

        for (var block = 0; block < 30; block++)
        {
            var entries = Enumerable.Range(0, 5).Select(_ => pool.Add(50_000)).ToList();
            pool.MineBlock(entries.Select(e => e.Txid));
        }

        // 29 blocks since the first recorded one: targets up to 14 can be answered.
        var estimate = estimator.EstimateSmartFee(20, conservative: false);
        Assert.Equal(14, estimate.ReturnedTarget);
        Assert.True(estimate.Found);
        Assert.InRange(estimate.FeePerKilobyte, 50_000 * 1000 / SimulatedPool.VirtualSize - 1, 50_000 * 1000 / SimulatedPool.VirtualSize + 1);
        Assert.Equal(2, estimator.EstimateSmartFee(1, conservative: true).ReturnedTarget);

        // A block at or below the best height changes nothing.
        estimator.ProcessBlock(pool.Height, []);
        Assert.Equal(estimate, estimator.EstimateSmartFee(20, conservative: false));
    }

    private void AddFourOfEachLevel()
    {
        for (var level = 0; level < 10; level++)
        {
            waiting[level].AddRange(FourOf(level));
        }
    }

    private IEnumerable<uint256> FourOf(int level) =>
        Enumerable.Range(0, 4).Select(_ => pool.Add(BaseFee * (level + 1)).Txid).ToList();

    private static void AssertNear(long expected, long actual) =>
        Assert.InRange(actual, expected - DeltaFee + 1, expected + DeltaFee - 1);
}
