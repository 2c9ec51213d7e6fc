namespace Faithcoin.P2P.Tests.Addresses;

/// <summary>A clock the test moves by hand, so ages and "tried in the last ten minutes" rules can be reached.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now;

    public ManualClock(DateTimeOffset start)
    {
        now = start;
    }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
