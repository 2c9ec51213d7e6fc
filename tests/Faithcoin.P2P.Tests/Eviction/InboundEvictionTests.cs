using Faithcoin.P2P.Net.Eviction;

namespace Faithcoin.P2P.Tests.Eviction;

/// <summary>
/// AttemptToEvictConnection's choice with crafted peers. The baseline: 30 peers, id i connected i minutes after
/// the first, pinging 1000 + i ms, each in its own group with key 1000 - i. Then ids 1-4 are kept for their
/// groups' keys, 5-12 for their pings, 13-16 and 17-20 as the oldest for transactions and blocks (nobody sent
/// any), 21-25 as the older half of the rest; 30, the youngest, goes. Each rule test saves 30 by one fact.
/// </summary>
public sealed class InboundEvictionTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheYoungestUnprotectedPeerGoes() => Assert.Equal(30, InboundEviction.SelectVictim(Baseline()));

    [Fact]
    public void FourPeersAreProtectedByKeyedNetGroup() =>
        Assert.Equal(29, InboundEviction.SelectVictim(With(30, c => c with { KeyedNetGroup = 5000 })));

    [Fact]
    public void EightPeersWithTheLowestMinimumPingAreProtected() =>
        Assert.Equal(29, InboundEviction.SelectVictim(With(30, c => c with { MinPing = TimeSpan.FromMilliseconds(1) })));

    [Fact]
    public void APeerWithoutAnyPingIsNotProtectedByPing()
    {
        // Peer 5 never answered a ping: the ping rule keeps 6-13 instead, and 5 stays a candidate but is old.
        var candidates = With(5, c => c with { MinPing = null });
        Assert.Equal(30, InboundEviction.SelectVictim(candidates));
        Assert.Equal(29, InboundEviction.SelectVictim(With(candidates, 30, c => c with { MinPing = TimeSpan.FromMilliseconds(2) })));
    }

    [Fact]
    public void FourPeersThatLastSentTransactionsAreProtected() =>
        Assert.Equal(29, InboundEviction.SelectVictim(With(30, c => c with { LastTransactionTime = Start })));

    [Fact]
    public void WithoutTransactionsPeersThatAskForThemAreProtectedFirst() =>
        Assert.Equal(29, InboundEviction.SelectVictim(With(30, c => c with { RelayTransactions = true })));

    [Fact]
    public void FourPeersThatLastSentBlocksAreProtected() =>
        Assert.Equal(29, InboundEviction.SelectVictim(With(30, c => c with { LastBlockTime = Start })));

    [Fact]
    public void TheOlderHalfOfTheRestIsProtected()
    {
        // Peer 25 made as young as can be: it is no longer among the older half, and as the youngest it goes.
        var candidates = With(25, c => c with { ConnectedAt = Start.AddHours(5) });
        Assert.Equal(25, InboundEviction.SelectVictim(candidates));
    }

    [Fact]
    public void TheGroupWithMostPeersLosesItsYoungest()
    {
        var candidates = With(With(26, c => c with { KeyedNetGroup = 7 }), 27, c => c with { KeyedNetGroup = 7 });
        Assert.Equal(27, InboundEviction.SelectVictim(candidates));
    }

    [Fact]
    public void BetweenEqualGroupsTheOneWithTheYoungestPeerLoses()
    {
        var candidates = Baseline()
            .Select(c => c.Id switch
            {
                26 or 27 => c with { KeyedNetGroup = 7 },
                28 or 29 => c with { KeyedNetGroup = 8 },
                _ => c,
            })
            .ToList();
        Assert.Equal(29, InboundEviction.SelectVictim(candidates));
    }

    [Fact]
    public void NobodyGoesWhenEveryoneIsProtected()
    {
        Assert.Null(InboundEviction.SelectVictim([]));
        Assert.Null(InboundEviction.SelectVictim(Baseline().Take(20).ToList()));
        Assert.Equal(21, InboundEviction.SelectVictim(Baseline().Take(21).ToList()));
    }

    private static List<EvictionCandidate> Baseline() =>
        Enumerable.Range(1, 30)
            .Select(i => new EvictionCandidate(
                i,
                Start.AddMinutes(i),
                TimeSpan.FromMilliseconds(1000 + i),
                LastBlockTime: null,
                LastTransactionTime: null,
                RelevantServices: false,
                RelayTransactions: false,
                BloomFilter: false,
                KeyedNetGroup: (ulong)(1000 - i)))
            .ToList();

    private static List<EvictionCandidate> With(long id, Func<EvictionCandidate, EvictionCandidate> change) => With(Baseline(), id, change);

    private static List<EvictionCandidate> With(List<EvictionCandidate> candidates, long id, Func<EvictionCandidate, EvictionCandidate> change) =>
        candidates.Select(c => c.Id == id ? change(c) : c).ToList();
}
