namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// The bucket walk of 0.15's EstimateMedianVal over one horizon, kept apart from the statistics it reads. Counts
/// are gathered from the highest fee rate down; a range is tested once it holds sufficientTransactions / (1 - decay)
/// confirmed transactions, and a passing range resets the counters so the next range starts fresh.
/// </summary>
internal sealed class BucketRangeSearch(
    TxConfirmStats stats, int confTarget, double sufficientTransactions, double successThreshold, int blockHeight)
{
    private double withinTarget;
    private double totalConfirmed;
    private int inMempool;
    private double leftMempool;

    public (double Median, EstimationResult Result) Run()
    {
        var buckets = stats.Buckets;
        var period = (confTarget + stats.Scale - 1) / stats.Scale;
        var maxBucket = buckets.Count - 1;
        int curNear = maxBucket, curFar = maxBucket, bestNear = maxBucket, bestFar = maxBucket;
        var foundAnswer = false;
        var newRange = true;
        var passing = true;
        var pass = EstimatorBucket.None;
        var fail = EstimatorBucket.None;

        for (var bucket = maxBucket; bucket >= 0; bucket--)
        {
            if (newRange)
            {
                curNear = bucket;
                newRange = false;
            }

            curFar = bucket;
            withinTarget += stats.ConfirmedAverage(period - 1, bucket);
            totalConfirmed += stats.CountAverage(bucket);
            leftMempool += stats.FailedAverage(period - 1, bucket);
            inMempool += stats.UnconfirmedAtLeast(confTarget, blockHeight, bucket);
            if (totalConfirmed < sufficientTransactions / (1 - stats.Decay))
            {
                continue;
            }

            var successRate = withinTarget / (totalConfirmed + leftMempool + inMempool);
            if (successRate < successThreshold)
            {
                if (passing)
                {
                    // The first failing range is the one reported.
                    fail = Counters(Math.Min(curNear, curFar), Math.Max(curNear, curFar));
                    passing = false;
                }

                continue;
            }

            fail = EstimatorBucket.None;
            foundAnswer = true;
            passing = true;
            pass = new EstimatorBucket(pass.Start, pass.End, withinTarget, totalConfirmed, inMempool, leftMempool);
            withinTarget = totalConfirmed = leftMempool = 0;
            inMempool = 0;
            bestNear = curNear;
            bestFar = curFar;
            newRange = true;
        }

        var median = -1.0;
        var minBucket = Math.Min(bestNear, bestFar);
        var maxBest = Math.Max(bestNear, bestFar);
        var txSum = 0.0;
        for (var j = minBucket; j <= maxBest; j++)
        {
            txSum += stats.CountAverage(j);
        }

        if (foundAnswer && txSum != 0)
        {
            // The average fee rate of the bucket that holds the range's median transaction.
            txSum /= 2;
            for (var j = minBucket; j <= maxBest; j++)
            {
                if (stats.CountAverage(j) < txSum)
                {
                    txSum -= stats.CountAverage(j);
                }
                else
                {
                    median = stats.FeeRateAverage(j) / stats.CountAverage(j);
                    break;
                }
            }

            pass = pass with { Start = minBucket > 0 ? buckets[minBucket - 1] : 0, End = buckets[maxBest] };
        }

        // Passing until the last buckets, which lacked data: those are reported as the failed range.
        if (passing && !newRange)
        {
            fail = Counters(Math.Min(curNear, curFar), Math.Max(curNear, curFar));
        }

        return (median, new EstimationResult(pass, fail, stats.Decay, stats.Scale));
    }

    private EstimatorBucket Counters(int minBucket, int maxBucket)
    {
        var buckets = stats.Buckets;
        return new EstimatorBucket(
            minBucket > 0 ? buckets[minBucket - 1] : 0,
            buckets[maxBucket],
            withinTarget,
            totalConfirmed,
            inMempool,
            leftMempool);
    }
}
