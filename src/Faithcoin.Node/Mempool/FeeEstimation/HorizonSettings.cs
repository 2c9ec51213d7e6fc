namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>0.15's periods, scale and decay per horizon: half-lives of about 3 hours, 1 day and 1 week of blocks.</summary>
public static class HorizonSettings
{
    public const int ShortPeriods = 12;
    public const int ShortScale = 1;
    public const double ShortDecay = .962;
    public const int MediumPeriods = 24;
    public const int MediumScale = 2;
    public const double MediumDecay = .9952;
    public const int LongPeriods = 42;
    public const int LongScale = 24;
    public const double LongDecay = .99931;

    internal static TxConfirmStats CreateStats(FeeBuckets buckets, FeeEstimateHorizon horizon) => horizon switch
    {
        FeeEstimateHorizon.Short => new TxConfirmStats(buckets, ShortPeriods, ShortDecay, ShortScale),
        FeeEstimateHorizon.Medium => new TxConfirmStats(buckets, MediumPeriods, MediumDecay, MediumScale),
        FeeEstimateHorizon.Long => new TxConfirmStats(buckets, LongPeriods, LongDecay, LongScale),
        _ => throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "Unknown horizon."),
    };
}
