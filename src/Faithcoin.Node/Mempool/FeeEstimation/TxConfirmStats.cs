namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// One horizon's history (0.15's TxConfirmStats): per fee-rate bucket, decaying averages of how many transactions
/// confirmed, within how many periods, and how many left the pool unconfirmed; plus the counts of transactions
/// still in the pool by entry height. Not thread-safe; <see cref="BlockPolicyEstimator"/> holds the lock.
/// </summary>
internal sealed class TxConfirmStats
{
    private readonly FeeBuckets buckets;
    private readonly double[] feeRateAverage;
    private readonly double[] countAverage;
    private readonly double[][] confirmedAverage;
    private readonly double[][] failedAverage;

    // Pool transactions by entry height (modulo MaxConfirms) and bucket; those older than that in oldUnconfirmed.
    private readonly int[][] unconfirmed;
    private readonly int[] oldUnconfirmed;

    // The sum of every slot of unconfirmed per bucket, so an estimate need not walk all 1008 slots per bucket.
    private readonly int[] unconfirmedTotal;

    public TxConfirmStats(FeeBuckets buckets, int periods, double decay, int scale)
        : this(buckets, new ConfirmStatsData(
            decay,
            scale,
            new double[buckets.Count],
            new double[buckets.Count],
            Matrix(periods, buckets.Count),
            Matrix(periods, buckets.Count)))
    {
    }

    public TxConfirmStats(FeeBuckets buckets, ConfirmStatsData data)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(data);
        this.buckets = buckets;
        Decay = data.Decay;
        Scale = data.Scale;
        feeRateAverage = [.. data.FeeRateAverage];
        countAverage = [.. data.TransactionCountAverage];
        confirmedAverage = [.. data.ConfirmedAverage.Select(row => row.ToArray())];
        failedAverage = [.. data.FailedAverage.Select(row => row.ToArray())];
        unconfirmed = Enumerable.Range(0, MaxConfirms).Select(_ => new int[buckets.Count]).ToArray();
        oldUnconfirmed = new int[buckets.Count];
        unconfirmedTotal = new int[buckets.Count];
    }

    public double Decay { get; }

    public int Scale { get; }

    /// <summary>The highest target this horizon answers: scale times the periods tracked.</summary>
    public int MaxConfirms => Scale * confirmedAverage.Length;

    public ConfirmStatsData ToData() => new(
        Decay,
        Scale,
        [.. feeRateAverage],
        [.. countAverage],
        [.. confirmedAverage.Select(row => row.ToArray())],
        [.. failedAverage.Select(row => row.ToArray())]);

    /// <summary>A block arrived: the pool transactions that entered MaxConfirms blocks ago become "old".</summary>
    public void ClearCurrent(int blockHeight)
    {
        var slot = unconfirmed[blockHeight % unconfirmed.Length];
        for (var bucket = 0; bucket < slot.Length; bucket++)
        {
            oldUnconfirmed[bucket] += slot[bucket];
            unconfirmedTotal[bucket] -= slot[bucket];
            slot[bucket] = 0;
        }
    }

    /// <summary>A transaction confirmed <paramref name="blocksToConfirm"/> blocks (1-based) after it entered.</summary>
    public void Record(int blocksToConfirm, double feeRate)
    {
        if (blocksToConfirm < 1)
        {
            return;
        }

        var periodsToConfirm = (blocksToConfirm + Scale - 1) / Scale;
        var bucket = buckets.IndexOf(feeRate);
        for (var period = periodsToConfirm; period <= confirmedAverage.Length; period++)
        {
            confirmedAverage[period - 1][bucket]++;
        }

        countAverage[bucket]++;
        feeRateAverage[bucket] += feeRate;
    }

    public void UpdateMovingAverages()
    {
        for (var bucket = 0; bucket < buckets.Count; bucket++)
        {
            for (var period = 0; period < confirmedAverage.Length; period++)
            {
                confirmedAverage[period][bucket] *= Decay;
                failedAverage[period][bucket] *= Decay;
            }

            feeRateAverage[bucket] *= Decay;
            countAverage[bucket] *= Decay;
        }
    }

    /// <summary>A transaction entered the pool at <paramref name="blockHeight"/>; returns its bucket.</summary>
    public int NewTransaction(int blockHeight, double feeRate)
    {
        var bucket = buckets.IndexOf(feeRate);
        unconfirmed[blockHeight % unconfirmed.Length][bucket]++;
        unconfirmedTotal[bucket]++;
        return bucket;
    }

    /// <summary>A tracked transaction left the pool; unless a block took it, it counts as failed for every full period it waited.</summary>
    public void RemoveTransaction(int entryHeight, int bestSeenHeight, int bucket, bool inBlock)
    {
        var blocksAgo = bestSeenHeight == 0 ? 0 : bestSeenHeight - entryHeight;
        if (blocksAgo < 0)
        {
            return;
        }

        if (blocksAgo >= unconfirmed.Length)
        {
            if (oldUnconfirmed[bucket] > 0)
            {
                oldUnconfirmed[bucket]--;
            }
        }
        else
        {
            var slot = unconfirmed[entryHeight % unconfirmed.Length];
            if (slot[bucket] > 0)
            {
                slot[bucket]--;
                unconfirmedTotal[bucket]--;
            }
        }

        if (!inBlock && blocksAgo >= Scale)
        {
            var periodsAgo = blocksAgo / Scale;
            for (var period = 0; period < periodsAgo && period < failedAverage.Length; period++)
            {
                failedAverage[period][bucket]++;
            }
        }
    }

    /// <summary>
    /// 0.15's EstimateMedianVal: from the highest bucket down, gathers buckets until they hold enough data, and
    /// keeps the lowest range still confirming at <paramref name="successThreshold"/> within the target. The answer
    /// is the average fee rate of the bucket holding that range's median transaction, or -1.
    /// </summary>
    public (double Median, EstimationResult Result) EstimateMedianValue(
        int confTarget, double sufficientTransactions, double successThreshold, int blockHeight)
    {
        var search = new BucketRangeSearch(this, confTarget, sufficientTransactions, successThreshold, blockHeight);
        return search.Run();
    }

    internal FeeBuckets Buckets => buckets;

    internal double CountAverage(int bucket) => countAverage[bucket];

    internal double FeeRateAverage(int bucket) => feeRateAverage[bucket];

    internal double ConfirmedAverage(int period, int bucket) => confirmedAverage[period][bucket];

    internal double FailedAverage(int period, int bucket) => failedAverage[period][bucket];

    /// <summary>Pool transactions in the bucket that have waited at least <paramref name="confTarget"/> blocks.</summary>
    internal int UnconfirmedAtLeast(int confTarget, int blockHeight, int bucket)
    {
        var count = oldUnconfirmed[bucket];
        if (confTarget >= MaxConfirms)
        {
            return count;
        }

        if (blockHeight >= MaxConfirms)
        {
            // The ages confTarget..MaxConfirms-1 cover every slot but those of the younger ages.
            count += unconfirmedTotal[bucket];
            for (var age = 0; age < confTarget; age++)
            {
                count -= unconfirmed[(blockHeight - age) % unconfirmed.Length][bucket];
            }

            return count;
        }

        return count + ScanUnconfirmed(confTarget, blockHeight, bucket);
    }

    /// <summary>
    /// 0.15's walk over the slots of ages confTarget..MaxConfirms-1. Below MaxConfirms blocks of height the
    /// unsigned index wraps around 2^32, which need not be a multiple of the slot count, so young slots may be
    /// counted again; kept, as the original answers so on young chains.
    /// </summary>
    internal int ScanUnconfirmed(int confTarget, int blockHeight, int bucket)
    {
        var count = 0;
        var bins = (uint)unconfirmed.Length;
        for (var age = confTarget; age < MaxConfirms; age++)
        {
            count += unconfirmed[(int)(unchecked((uint)blockHeight - (uint)age) % bins)][bucket];
        }

        return count;
    }

    private static double[][] Matrix(int rows, int columns) =>
        Enumerable.Range(0, rows).Select(_ => new double[columns]).ToArray();
}
