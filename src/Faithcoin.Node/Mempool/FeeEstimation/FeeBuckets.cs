namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// The fee-rate buckets, each named by its inclusive upper bound in satoshis per kB: exponentially spaced from
/// 1,000 to 10^7 by 1.05 as in 0.15, plus one last bucket for everything above (1e99). A file may bring its
/// own boundaries, which then replace these, as 0.15's Read does.
/// </summary>
public sealed class FeeBuckets
{
    public const double MinBucketFeeRate = 1000;
    public const double MaxBucketFeeRate = 1e7;
    public const double FeeSpacing = 1.05;
    public const double InfiniteFeeRate = 1e99;

    private readonly double[] bounds;

    public FeeBuckets(IReadOnlyList<double> upperBounds)
    {
        ArgumentNullException.ThrowIfNull(upperBounds);
        if (upperBounds.Count < 2)
        {
            throw new ArgumentException("At least two buckets are needed.", nameof(upperBounds));
        }

        for (var i = 0; i < upperBounds.Count; i++)
        {
            // Lookups are binary searches, so the bounds must be finite and strictly increasing.
            if (!double.IsFinite(upperBounds[i]) || (i > 0 && upperBounds[i] <= upperBounds[i - 1]))
            {
                throw new ArgumentException("Bucket bounds must be finite and strictly increasing.", nameof(upperBounds));
            }
        }

        bounds = [.. upperBounds];
    }

    public static FeeBuckets Default { get; } = new(DefaultBounds());

    public int Count => bounds.Length;

    public IReadOnlyList<double> UpperBounds => bounds;

    public double this[int index] => bounds[index];

    /// <summary>The first bucket whose bound is at least <paramref name="feeRate"/> (the bucket map's lower_bound); the last one above all bounds.</summary>
    public int IndexOf(double feeRate)
    {
        var found = Array.BinarySearch(bounds, feeRate);
        var index = found >= 0 ? found : ~found;
        return Math.Min(index, bounds.Length - 1);
    }

    private static List<double> DefaultBounds()
    {
        var list = new List<double>();
        for (var bound = MinBucketFeeRate; bound <= MaxBucketFeeRate; bound *= FeeSpacing)
        {
            list.Add(bound);
        }

        list.Add(InfiniteFeeRate);
        return list;
    }
}
