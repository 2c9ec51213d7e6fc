namespace Faithcoin.P2P.Net;

/// <summary>
/// nNextFeeler: feelers are Poisson spaced around FEELER_INTERVAL, so their timing tells an observer nothing,
/// and each waits a random part of FEELER_SLEEP_WINDOW first so nodes started together do not dial in step.
/// </summary>
public sealed class FeelerSchedule
{
    /// <summary>FEELER_SLEEP_WINDOW.</summary>
    private static readonly TimeSpan SleepWindow = TimeSpan.FromSeconds(1);

    private readonly TimeSpan average;
    private readonly Random random;
    private readonly TimeProvider time;
    private DateTimeOffset next;

    public FeelerSchedule(TimeSpan average, Random random, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(time);
        this.average = average;
        this.random = random;
        this.time = time;

        // As 0.15 at the start of ThreadOpenConnections: the first feeler is one draw away too.
        next = time.GetUtcNow() + Draw();
    }

    /// <summary>True when a feeler is due now; the next one is then scheduled. Called from one loop only.</summary>
    public bool TakeDue()
    {
        var now = time.GetUtcNow();
        if (now <= next)
        {
            return false;
        }

        next = now + Draw();
        return true;
    }

    /// <summary>The random pause before a feeler, at most FEELER_SLEEP_WINDOW (never more than the interval itself).</summary>
    public TimeSpan NextNoise() => TimeSpan.FromTicks((long)(random.NextDouble() * Math.Min(SleepWindow.Ticks, average.Ticks)));

    private TimeSpan Draw() => TimeSpan.FromTicks((long)(-Math.Log(1.0 - random.NextDouble()) * average.Ticks));
}
