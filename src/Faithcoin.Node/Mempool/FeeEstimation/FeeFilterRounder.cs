namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// 0.15's FeeFilterRounder: quantizes the pool's minimum fee before it is sent in a feefilter message, so the
/// exact value does not identify the node. The steps are 0 and half the incremental relay fee (at least 1) times
/// powers of 1.1 up to 10^7 satoshis per kB; a value rounds to the step at or above it, or, two times in three
/// (and always above the last step), to the step below. Not thread-safe (its Random is not), as in 0.15: one per
/// caller, e.g. the relay loop.
/// </summary>
public sealed class FeeFilterRounder
{
    public const double MaxFilterFeeRate = 1e7;
    public const double FeeFilterSpacing = 1.1;

    private readonly double[] steps;
    private readonly Random random;

    /// <param name="minIncrementalFeePerKilobyte">-incrementalrelayfee in satoshis per kB.</param>
    /// <param name="random">The source of the rounding choice; not cryptographic, as in 0.15.</param>
    public FeeFilterRounder(long minIncrementalFeePerKilobyte, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        this.random = random;
        var list = new SortedSet<double> { 0 };
        for (double step = Math.Max(1, minIncrementalFeePerKilobyte / 2); step <= MaxFilterFeeRate; step *= FeeFilterSpacing)
        {
            list.Add(step);
        }

        steps = [.. list];
    }

    public IReadOnlyList<double> Steps => steps;

    /// <summary>The fee rate to announce for a pool minimum of <paramref name="currentMinFeePerKilobyte"/> satoshis per kB.</summary>
    public long Round(long currentMinFeePerKilobyte)
    {
        var found = Array.BinarySearch(steps, (double)currentMinFeePerKilobyte);
        var index = found >= 0 ? found : ~found;
        if ((index != 0 && random.Next(3) != 0) || index == steps.Length)
        {
            index--;
        }

        return (long)steps[index];
    }
}
