using Faithcoin.Node.Hosting;

namespace Faithcoin.Node.Tests.Configuration;

public sealed class NodeClockTests
{
    [Fact]
    public void MockTimeFixesTheWallClockAndZeroReturnsToTheSystemTime()
    {
        var clock = new NodeClock(1_700_000_000);
        Assert.Equal(1_700_000_000, clock.GetUtcNow().ToUnixTimeSeconds());
        clock.SetMockTime(1_600_000_000);
        Assert.Equal(1_600_000_000, clock.GetUtcNow().ToUnixTimeSeconds());
        clock.SetMockTime(0);
        Assert.InRange(clock.GetUtcNow().ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
    }

    [Fact]
    public void ElapsedTimeIsNotMocked()
    {
        var clock = new NodeClock(1_700_000_000);
        var start = clock.GetTimestamp();
        Thread.Sleep(20);
        Assert.True(clock.GetElapsedTime(start) >= TimeSpan.FromMilliseconds(15));
    }
}
