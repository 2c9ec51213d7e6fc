using System.Diagnostics;
using System.Globalization;

namespace Faithcoin.Node.Chain;

/// <summary>
/// Where the chain thread's time goes (0.15's -debug=bench totals): accumulated per phase and logged once per
/// imported file, so an import's cost can be split without a profiler. Script time is the wall time the chain
/// thread waits for the script threads. Only the chain thread (under the writer lock or the importer) adds to it.
/// </summary>
public sealed class ChainTimings
{
    private readonly long[] ticks = new long[Enum.GetValues<ChainPhase>().Length];

    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>Adds the time since <paramref name="started"/> to the phase and returns now, for the next phase.</summary>
    public long Add(ChainPhase phase, long started)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref ticks[(int)phase], now - started);
        return now;
    }

    public TimeSpan Total(ChainPhase phase) => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref ticks[(int)phase]));

    public void Reset() => Array.Clear(ticks);

    public override string ToString() => string.Join(
        ", ",
        Enum.GetValues<ChainPhase>().Select(p => string.Create(CultureInfo.InvariantCulture, $"{p} {Total(p).TotalSeconds:F2}s")));
}
