namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// Everything fee_estimates.dat holds: the best height seen, the block range the history covers, the bucket
/// bounds and the three horizons' statistics (medium first, then short and long, as 0.15 writes them).
/// </summary>
public sealed record EstimatorState(
    int BestSeenHeight,
    int HistoricalFirst,
    int HistoricalBest,
    IReadOnlyList<double> BucketBounds,
    ConfirmStatsData Medium,
    ConfirmStatsData Short,
    ConfirmStatsData Long);
