using System.Net;
using Faithcoin.P2P.Peers;
using NBitcoin.Protocol;
using AddressManager = Faithcoin.P2P.Peers.AddressManager;

namespace Faithcoin.P2P.Tests.Addresses;

public sealed class AddressManagerTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly IPAddress Source = IPAddress.Parse("252.2.2.2");

    private readonly ManualClock clock = new(Start);

    [Fact]
    public void AddsRoutableAddressesOnceAndRefusesLocalOnes()
    {
        var manager = NewManager();

        Assert.Equal(1, manager.Add([Address("250.1.1.1")], Source));
        Assert.Equal(0, manager.Add([Address("250.1.1.1")], Source));
        Assert.Equal(0, manager.Add([Address("127.0.0.1"), Address("10.0.0.1")], Source));
        Assert.Equal(1, manager.Count);
        Assert.Equal(1, manager.NewCount);
    }

    [Fact]
    public void RelayedAddressesGetTheTimePenaltyButSelfAnnouncementsDoNot()
    {
        var manager = NewManager();
        var penalty = TimeSpan.FromHours(2);

        manager.Add([Address("250.1.1.1")], Source, penalty);
        manager.Add([Address("250.1.1.2")], IPAddress.Parse("250.1.1.2"), penalty);

        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds() - 7200, manager.Get(EndPoint("250.1.1.1"))!.Time);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), manager.Get(EndPoint("250.1.1.2"))!.Time);
    }

    [Fact]
    public void OneSourceGroupFillsFewBuckets()
    {
        var manager = NewManager();

        // 4096 addresses of one group from one source all land in the same new bucket of 64 slots.
        manager.Add(Enumerable.Range(0, 4096).Select(i => Address($"250.1.{i / 256}.{i % 256}")).ToList(), Source);

        Assert.InRange(manager.Count, 1, 64);
    }

    [Fact]
    public void ManySourcesGiveAnAddressUpToEightReferences()
    {
        var manager = NewManager(new Random(3));

        for (var round = 0; round < 2000; round++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            manager.Add([Address("250.1.1.1")], IPAddress.Parse($"{1 + (round % 200)}.{round / 200}.3.4"));
        }

        Assert.InRange(manager.Get(EndPoint("250.1.1.1"))!.RefCount, 2, 8);
    }

    [Fact]
    public void GoodMovesAnAddressToTried()
    {
        var manager = NewManager();
        manager.Add([Address("250.1.1.1"), Address("250.1.1.2")], Source);

        manager.Good(EndPoint("250.1.1.1"));
        manager.Good(EndPoint("250.1.1.2", 1234)); // another port: not the same service

        var info = manager.Get(EndPoint("250.1.1.1"))!;
        Assert.True(info.InTried);
        Assert.Equal(0, info.RefCount);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), info.LastSuccess);
        Assert.Equal(1, manager.TriedCount);
        Assert.Equal(1, manager.NewCount);
        Assert.False(manager.Get(EndPoint("250.1.1.2"))!.InTried);
    }

    [Fact]
    public void ATriedCollisionSendsTheOldEntryBackToNew()
    {
        // A fixed bucket key and sources from many groups: from one source, a single new bucket (64 places) held only
        // ~60 of them, and with a random key about one run in thirty then met no collision in the tried buckets.
        var manager = new AddressManager(clock, new Random(1), Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var addresses = Enumerable.Range(1, 200).Select(i => $"250.1.1.{i}").ToList();
        for (var i = 0; i < addresses.Count; i++)
        {
            manager.Add([Address(addresses[i])], IPAddress.Parse($"252.{i + 1}.2.2"));
        }

        var added = manager.Count;
        Assert.True(added > 150, $"only {added} of 200 went into the new table");

        foreach (var address in addresses)
        {
            manager.Good(EndPoint(address));
        }

        // Eight tried buckets of 64 for one /16 cannot hold them all without collisions; none is lost, though.
        Assert.Equal(added, manager.Count);
        Assert.Equal(added, manager.TriedCount + manager.NewCount);
        Assert.True(manager.NewCount > 0 && manager.TriedCount > 0);
    }

    [Fact]
    public void SelectDrawsFromTriedAndNewAtEvenOdds()
    {
        var manager = NewManager(new Random(11));
        manager.Add(Enumerable.Range(1, 20).Select(i => Address($"250.{i}.1.1")).ToList(), Source);
        manager.Good(EndPoint("250.1.1.1"));
        clock.Advance(TimeSpan.FromHours(1));

        var picks = Enumerable.Range(0, 2000).Select(_ => manager.Select()!).ToList();
        var tried = picks.Count(p => p.InTried);

        Assert.InRange(tried, 850, 1150);
        Assert.All(picks.Where(p => p.InTried), p => Assert.Equal(EndPoint("250.1.1.1"), p.EndPoint));
        Assert.DoesNotContain(Enumerable.Range(0, 200).Select(_ => manager.Select(newOnly: true)!), p => p.InTried);
        Assert.Null(NewManager().Select());
    }

    [Fact]
    public void TerribleAddressesFollowTheOriginalsRules()
    {
        var now = Start.ToUnixTimeSeconds();
        AddressInfo Info(long time, long lastTry = 0, long lastSuccess = 0, int attempts = 0) =>
            new(EndPoint("250.1.1.1"), Faithcoin.P2P.Wire.ServiceFlags.Network, time, Source) { LastTry = lastTry, LastSuccess = lastSuccess, Attempts = attempts };

        Assert.False(Info(now - 3600).IsTerrible(now));
        Assert.True(Info(now + 3600).IsTerrible(now));
        Assert.True(Info(0).IsTerrible(now));
        Assert.True(Info(now - (31 * 86400)).IsTerrible(now));
        Assert.False(Info(now - (31 * 86400), lastTry: now - 30).IsTerrible(now));
        Assert.True(Info(now - 3600, attempts: 3).IsTerrible(now));
        Assert.False(Info(now - 3600, lastSuccess: now - 86400, attempts: 9).IsTerrible(now));
        Assert.True(Info(now - 3600, lastSuccess: now - (8 * 86400), attempts: 10).IsTerrible(now));
        Assert.True(Info(now, lastTry: now - 60).GetChance(now) < 0.011);
        Assert.Equal(Math.Pow(0.66, 8), Info(now, attempts: 20).GetChance(now), 6);
    }

    [Fact]
    public void GetAddressesGivesA23PercentShareWithoutTerribleOnes()
    {
        var manager = NewManager();
        manager.Add(ManyGroups(1000).ToList(), Source);
        var known = manager.Count;

        var answer = manager.GetAddresses();

        Assert.Equal(23 * known / 100, answer.Count);
        Assert.Equal(answer.Count, answer.Select(a => a.EndPoint).Distinct().Count());

        clock.Advance(TimeSpan.FromDays(31));
        Assert.Empty(manager.GetAddresses());
    }

    [Fact]
    public void GetAddressesStopsAt2500()
    {
        var manager = NewManager();
        for (var source = 1; source <= 40; source++)
        {
            manager.Add(ManyGroups(1000, salt: source).ToList(), IPAddress.Parse($"{source}.9.9.9"));
        }

        Assert.True(manager.Count * 23 / 100 > 2500, $"only {manager.Count} addresses");
        Assert.Equal(2500, manager.GetAddresses().Count);
    }

    [Fact]
    public void AttemptCountsFailuresOncePerSuccessAndConnectedRefreshesTime()
    {
        var manager = NewManager();
        manager.Add([Address("250.1.1.1", ago: TimeSpan.FromHours(5))], Source);

        manager.Attempt(EndPoint("250.1.1.1"), countFailure: true);
        manager.Attempt(EndPoint("250.1.1.1"), countFailure: true);
        Assert.Equal(1, manager.Get(EndPoint("250.1.1.1"))!.Attempts);

        manager.Connected(EndPoint("250.1.1.1"));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), manager.Get(EndPoint("250.1.1.1"))!.Time);
    }

    private IEnumerable<NetworkAddress> ManyGroups(int count, int salt = 0) =>
        Enumerable.Range(0, count).Select(i => Address($"{1 + (i % 200)}.{(i / 200) + (salt * 5)}.{salt}.7"));

    private static IPEndPoint EndPoint(string address, int port = 9333) => new(IPAddress.Parse(address), port);

    private AddressManager NewManager(Random? random = null) => new(clock, random ?? new Random(1));

    private NetworkAddress Address(string address, TimeSpan ago = default) =>
        new(IPAddress.Parse(address), 9333) { Time = clock.GetUtcNow() - ago, Services = NodeServices.Network };
}
