using Faithcoin.P2P.Net;

namespace Faithcoin.P2P.Tests.Net;

public sealed class InactivityPolicyTests
{
    private static readonly DateTimeOffset Connected = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly InactivityPolicy Policy = new(TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(20));

    [Fact]
    public void NothingIsJudgedInTheFirstMinute() =>
        Assert.Null(Policy.Check(Connected.AddSeconds(60), Connected, null, null, handshakeComplete: false));

    [Fact]
    public void NoTrafficEitherWayAfterAMinuteDisconnects() =>
        Assert.StartsWith("socket no message in first 60 seconds, 0 1", Policy.Check(Connected.AddSeconds(61), Connected, Connected, null, false), StringComparison.Ordinal);

    [Fact]
    public void IncompleteHandshakeAfterAMinuteDisconnects() =>
        Assert.Equal("version handshake timeout", Policy.Check(Connected.AddSeconds(61), Connected, Connected, Connected, false));

    [Fact]
    public void TwentyMinutesWithoutSendingOrReceivingDisconnects()
    {
        var now = Connected.AddMinutes(30);

        Assert.StartsWith("socket sending timeout", Policy.Check(now, Connected, now.AddMinutes(-21), now, true), StringComparison.Ordinal);
        Assert.StartsWith("socket receive timeout", Policy.Check(now, Connected, now, now.AddMinutes(-21), true), StringComparison.Ordinal);
        Assert.Null(Policy.Check(now, Connected, now.AddMinutes(-19), now.AddMinutes(-19), true));
    }
}
