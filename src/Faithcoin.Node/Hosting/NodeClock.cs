namespace Faithcoin.Node.Hosting;

/// <summary>
/// The node's wall clock (0.15's GetTime): the system time, or a fixed mock time in whole seconds set with
/// -mocktime or the setmocktime RPC (0 goes back to the system time). Registered as the container's
/// <see cref="TimeProvider"/> so every reader of the time sees the mock. Timers and timestamps (elapsed time)
/// stay on the system clock, as 0.15's GetTimeMillis/GetTimeMicros are not mocked either.
/// </summary>
public sealed class NodeClock : TimeProvider
{
    public const long MinSeconds = -62_135_596_800;
    public const long MaxSeconds = 253_402_300_799;

    private long mockSeconds;

    public NodeClock(long mockSeconds = 0) => SetMockTime(mockSeconds);

    /// <summary>The mock time in seconds since the epoch, 0 when the system time is used.</summary>
    public long MockTime => Interlocked.Read(ref mockSeconds);

    /// <summary>Any second a date can hold (0.15 even took negative ones); 0 returns to the system time.</summary>
    public void SetMockTime(long seconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, MinSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, MaxSeconds);
        Interlocked.Exchange(ref mockSeconds, seconds);
    }

    public override DateTimeOffset GetUtcNow()
    {
        var mock = MockTime;
        return mock == 0 ? System.GetUtcNow() : DateTimeOffset.FromUnixTimeSeconds(mock);
    }
}
