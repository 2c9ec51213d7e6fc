using Faithcoin.P2P.Protocol;
using Faithcoin.P2P.Protocol.Relay;
using Faithcoin.P2P.Tests.Infrastructure;

namespace Faithcoin.P2P.Tests.Relay;

/// <summary>The trickle timing: 0.15's averages and Poisson spacing.</summary>
public sealed class TrickleScheduleTests
{
    [Fact]
    public void InboundPeersTrickleEveryFiveSecondsOnAverageAndOutboundEveryTwo()
    {
        var options = new P2POptions();
        var relay = new TransactionRelay(
            new PeerTable(), new PoolSink(), new RecentRejects(InMemoryChain.GenesisOnly()), new TransactionRequestSchedule(), new RelayMemory(), options, TimeProvider.System);
        var announcer = new TransactionAnnouncer(relay, options, TimeProvider.System, new PoissonDelay(new Random(1)));

        Assert.Equal(TimeSpan.FromSeconds(5), announcer.AverageInterval(inbound: true));
        Assert.Equal(TimeSpan.FromSeconds(2), announcer.AverageInterval(inbound: false));
    }

    [Fact]
    public void PoissonDelaysAverageTheIntervalAndVary()
    {
        var poisson = new PoissonDelay(new Random(7));
        var delays = Enumerable.Range(0, 20_000).Select(_ => poisson.Next(TimeSpan.FromSeconds(5)).TotalSeconds).ToList();

        Assert.InRange(delays.Average(), 4.8, 5.2);
        Assert.All(delays, d => Assert.True(d >= 0));
        Assert.InRange(delays.Count(d => d < 5) / 20_000.0, 0.60, 0.66);
    }

    [Fact]
    public void RequestsForTheSameTransactionAreSpacedTwoMinutesApart()
    {
        var schedule = new TransactionRequestSchedule();
        var now = DateTimeOffset.UnixEpoch.AddDays(20_000);
        var txid = NBitcoin.RandomUtils.GetUInt256();

        var first = schedule.Schedule(txid, now);
        var second = schedule.Schedule(txid, now);
        schedule.Forget(txid);
        var afterArrival = schedule.Schedule(txid, now.AddSeconds(1));

        Assert.True(first <= now, "a first request is due at once");
        Assert.Equal(first + TimeSpan.FromMinutes(2), second);
        Assert.True(afterArrival <= now.AddSeconds(1));
    }
}
