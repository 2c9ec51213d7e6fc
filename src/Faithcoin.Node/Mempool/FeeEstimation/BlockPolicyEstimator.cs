using NBitcoin;

namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// 0.15's CBlockPolicyEstimator: learns from pool transactions how many blocks each fee rate takes to confirm,
/// over a short, a medium and a long horizon, and answers estimatesmartfee, estimatefee and estimaterawfee.
/// Heights come from the caller (the mempool on entry, block connection and removal); all calls are thread-safe.
/// </summary>
public sealed class BlockPolicyEstimator
{
    /// <summary>Saved history older than this many blocks is no longer used to widen the usable targets.</summary>
    public const int OldestEstimateHistory = 6 * 1008;

    private readonly Lock gate = new();
    private readonly Dictionary<uint256, (int Height, int Bucket)> tracked = [];
    private FeeBuckets buckets = FeeBuckets.Default;
    private TxConfirmStats mediumStats;
    private TxConfirmStats shortStats;
    private TxConfirmStats longStats;
    private int bestSeenHeight;
    private int firstRecordedHeight;
    private int historicalFirst;
    private int historicalBest;

    public BlockPolicyEstimator()
    {
        mediumStats = HorizonSettings.CreateStats(buckets, FeeEstimateHorizon.Medium);
        shortStats = HorizonSettings.CreateStats(buckets, FeeEstimateHorizon.Short);
        longStats = HorizonSettings.CreateStats(buckets, FeeEstimateHorizon.Long);
    }

    /// <summary>The best block height processed (0 before the first block).</summary>
    public int BestSeenHeight
    {
        get
        {
            lock (gate)
            {
                return bestSeenHeight;
            }
        }
    }

    /// <summary>The number of pool transactions being tracked.</summary>
    public int TrackedCount
    {
        get
        {
            lock (gate)
            {
                return tracked.Count;
            }
        }
    }

    /// <summary>
    /// A transaction entered the pool. Only entries at the best height seen are tracked (side chains, reorgs and
    /// an estimator not yet in step with the tip are ignored), and only with <paramref name="validFeeEstimate"/>.
    /// </summary>
    public void ProcessTransaction(FeeEstimatorEntry entry, bool validFeeEstimate)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            if (tracked.ContainsKey(entry.Txid) || entry.EntryHeight != bestSeenHeight || !validFeeEstimate)
            {
                return;
            }

            double feeRate = entry.FeePerKilobyte;
            var bucket = mediumStats.NewTransaction(entry.EntryHeight, feeRate);
            shortStats.NewTransaction(entry.EntryHeight, feeRate);
            longStats.NewTransaction(entry.EntryHeight, feeRate);
            tracked[entry.Txid] = (entry.EntryHeight, bucket);
        }
    }

    /// <summary>
    /// A block at <paramref name="blockHeight"/> was connected and took <paramref name="confirmed"/> from the pool.
    /// Heights not above the best seen (reorgs, side chains) are ignored.
    /// </summary>
    public void ProcessBlock(int blockHeight, IReadOnlyList<FeeEstimatorEntry> confirmed)
    {
        ArgumentNullException.ThrowIfNull(confirmed);
        lock (gate)
        {
            if (blockHeight <= bestSeenHeight)
            {
                return;
            }

            // Ages of pool transactions removed below are measured from this height.
            bestSeenHeight = blockHeight;
            foreach (var stats in AllStats())
            {
                stats.ClearCurrent(blockHeight);
                stats.UpdateMovingAverages();
            }

            var counted = 0;
            foreach (var entry in confirmed)
            {
                if (RecordConfirmed(blockHeight, entry))
                {
                    counted++;
                }
            }

            if (firstRecordedHeight == 0 && counted > 0)
            {
                firstRecordedHeight = bestSeenHeight;
            }
        }
    }

    /// <summary>A transaction left the pool; <paramref name="inBlock"/> when a block confirmed it. Returns whether it was tracked.</summary>
    public bool RemoveTransaction(uint256 txid, bool inBlock)
    {
        ArgumentNullException.ThrowIfNull(txid);
        lock (gate)
        {
            return Untrack(txid, inBlock);
        }
    }

    /// <summary>Counts every tracked transaction as having left unconfirmed (0.15 does this at shutdown, before writing).</summary>
    public void FlushUnconfirmed()
    {
        lock (gate)
        {
            foreach (var txid in tracked.Keys.ToList())
            {
                Untrack(txid, inBlock: false);
            }
        }
    }

    /// <summary>estimateSmartFee: the fee rate for confirmation within <paramref name="confTarget"/> blocks, or 0 with the target answered.</summary>
    public FeeEstimate EstimateSmartFee(int confTarget, bool conservative)
    {
        lock (gate)
        {
            return new SmartFeeCalculator(shortStats, mediumStats, longStats, bestSeenHeight)
                .Estimate(confTarget, conservative, MaxUsableEstimate());
        }
    }

    /// <summary>The deprecated estimateFee: 95% within the target on the medium horizon; 0 for targets of 1 or less or without data.</summary>
    public long EstimateFee(int confTarget) =>
        confTarget <= 1 ? 0 : EstimateRawFee(confTarget, SmartFeeCalculator.DoubleSuccessThreshold, FeeEstimateHorizon.Medium).FeePerKilobyte;

    /// <summary>estimateRawFee: one horizon at one success threshold, with the bucket ranges behind the answer.</summary>
    public RawFeeEstimate EstimateRawFee(int confTarget, double successThreshold, FeeEstimateHorizon horizon)
    {
        lock (gate)
        {
            var stats = Stats(horizon);
            if (confTarget <= 0 || confTarget > stats.MaxConfirms || successThreshold > 1)
            {
                return new RawFeeEstimate(0, EstimationResult.None);
            }

            var sufficient = horizon == FeeEstimateHorizon.Short
                ? SmartFeeCalculator.SufficientShortTransactions
                : SmartFeeCalculator.SufficientFeeTransactions;
            var (median, result) = stats.EstimateMedianValue(confTarget, sufficient, successThreshold, bestSeenHeight);
            return new RawFeeEstimate(median < 0 ? 0 : SmartFeeCalculator.RoundFeeRate(median), result);
        }
    }

    /// <summary>The highest target a horizon tracks: 12, 48 and 1008 blocks.</summary>
    public int HighestTargetTracked(FeeEstimateHorizon horizon)
    {
        lock (gate)
        {
            return Stats(horizon).MaxConfirms;
        }
    }

    /// <summary>Writes fee_estimates.dat's content (<see cref="FeeEstimatesFile"/>). Tracked pool transactions are not part of it.</summary>
    public void Write(Stream stream) => FeeEstimatesFile.Write(stream, Snapshot());

    /// <summary>A new estimator with the history in <paramref name="stream"/>; throws <see cref="FeeEstimatesFormatException"/> when it is unreadable.</summary>
    public static BlockPolicyEstimator Read(Stream stream)
    {
        var estimator = new BlockPolicyEstimator();
        estimator.Load(stream);
        return estimator;
    }

    /// <summary>
    /// Replaces the history with the one in <paramref name="stream"/>, as 0.15's Read: all or nothing, so a
    /// <see cref="FeeEstimatesFormatException"/> leaves this estimator unchanged. A file older than the 0.15
    /// format is accepted and ignored (returns false).
    /// </summary>
    public bool Load(Stream stream)
    {
        var state = FeeEstimatesFile.Read(stream);
        if (state is null)
        {
            return false;
        }

        var fileBuckets = new FeeBuckets(state.BucketBounds);
        var medium = new TxConfirmStats(fileBuckets, state.Medium);
        var shortTerm = new TxConfirmStats(fileBuckets, state.Short);
        var longTerm = new TxConfirmStats(fileBuckets, state.Long);
        lock (gate)
        {
            buckets = fileBuckets;
            (mediumStats, shortStats, longStats) = (medium, shortTerm, longTerm);
            bestSeenHeight = state.BestSeenHeight;
            historicalFirst = state.HistoricalFirst;
            historicalBest = state.HistoricalBest;

            // Their pool slots and buckets belong to the replaced statistics.
            tracked.Clear();
        }

        return true;
    }

    /// <summary>The state to save: the current run's block range when it covers more than half the loaded one.</summary>
    public EstimatorState Snapshot()
    {
        lock (gate)
        {
            var (first, best) = BlockSpan() > HistoricalBlockSpan() / 2
                ? (firstRecordedHeight, bestSeenHeight)
                : (historicalFirst, historicalBest);
            return new EstimatorState(
                bestSeenHeight, first, best, buckets.UpperBounds, mediumStats.ToData(), shortStats.ToData(), longStats.ToData());
        }
    }

    private bool RecordConfirmed(int blockHeight, FeeEstimatorEntry entry)
    {
        if (!Untrack(entry.Txid, inBlock: true))
        {
            return false;
        }

        // 1-based: a transaction in the first block after it entered took one block.
        var blocksToConfirm = blockHeight - entry.EntryHeight;
        if (blocksToConfirm <= 0)
        {
            return false;
        }

        double feeRate = entry.FeePerKilobyte;
        foreach (var stats in AllStats())
        {
            stats.Record(blocksToConfirm, feeRate);
        }

        return true;
    }

    private bool Untrack(uint256 txid, bool inBlock)
    {
        if (!tracked.Remove(txid, out var info))
        {
            return false;
        }

        foreach (var stats in AllStats())
        {
            stats.RemoveTransaction(info.Height, bestSeenHeight, info.Bucket, inBlock);
        }

        return true;
    }

    private int BlockSpan() => firstRecordedHeight == 0 ? 0 : bestSeenHeight - firstRecordedHeight;

    private int HistoricalBlockSpan() =>
        historicalFirst == 0 || bestSeenHeight - historicalBest > OldestEstimateHistory ? 0 : historicalBest - historicalFirst;

    // Spans are halved so that enough failing data points can exist for the target.
    private int MaxUsableEstimate() => Math.Min(longStats.MaxConfirms, Math.Max(BlockSpan(), HistoricalBlockSpan()) / 2);

    private TxConfirmStats Stats(FeeEstimateHorizon horizon) => horizon switch
    {
        FeeEstimateHorizon.Short => shortStats,
        FeeEstimateHorizon.Medium => mediumStats,
        FeeEstimateHorizon.Long => longStats,
        _ => throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "Unknown horizon."),
    };

    private TxConfirmStats[] AllStats() => [mediumStats, shortStats, longStats];
}
