using System.Net;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Net;
using Faithcoin.P2P.Peers;
using Microsoft.Extensions.Logging.Abstractions;
using AddressManager = Faithcoin.P2P.Peers.AddressManager;

namespace Faithcoin.P2P.Tests.Addresses;

public sealed class FixedSeedsTests
{
    private static readonly IPEndPoint[] Seeds = [new(IPAddress.Parse("93.184.216.34"), 9333), new(IPAddress.Parse("2a01:4f8::1"), 9333)];

    [Fact]
    public void FixedSeedsGoInOnceAfterAMinuteWithAnEmptyAddressManager()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var addresses = new AddressManager(clock);
        var automatic = NewAutomatic(clock, addresses, Seeds);

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(automatic.AddFixedSeedsIfDue());
        Assert.Equal(0, addresses.Count);

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(automatic.AddFixedSeedsIfDue());
        Assert.Equal(2, addresses.Count);
        var seed = addresses.Get(Seeds[0])!;
        Assert.InRange(clock.GetUtcNow().ToUnixTimeSeconds() - seed.Time, 7 * 86400, 14 * 86400);
        Assert.Equal(Faithcoin.P2P.Wire.ServiceFlags.Network, seed.Services);

        Assert.False(automatic.AddFixedSeedsIfDue());
    }

    [Fact]
    public void KnownAddressesOrNoSeedsMeanNoFallback()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var known = new AddressManager(clock);
        known.Add([new NBitcoin.Protocol.NetworkAddress(IPAddress.Parse("8.8.8.8"), 9333) { Time = clock.GetUtcNow() }], IPAddress.Parse("1.1.1.1"));
        var withKnown = NewAutomatic(clock, known, Seeds);
        var withoutSeeds = NewAutomatic(clock, new AddressManager(clock), []);

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.False(withKnown.AddFixedSeedsIfDue());
        Assert.False(withoutSeeds.AddFixedSeedsIfDue());
        Assert.Equal(1, known.Count);
    }

    private static AutomaticConnections NewAutomatic(TimeProvider clock, AddressManager addresses, IReadOnlyList<IPEndPoint> seeds)
    {
        var options = new P2POptions();
        var connections = new ConnectionManager(options, ChainParams.Regtest, new BanList(), new Whitelist([]), clock, NullLoggerFactory.Instance);
        return new AutomaticConnections(options, connections, addresses, clock, NullLogger.Instance, seeds);
    }
}
