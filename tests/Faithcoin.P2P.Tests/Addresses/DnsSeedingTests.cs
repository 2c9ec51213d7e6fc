using System.Net;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Net;
using Faithcoin.P2P.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin.Protocol;
using AddressManager = Faithcoin.P2P.Peers.AddressManager;

namespace Faithcoin.P2P.Tests.Addresses;

/// <summary>
/// DNS seeding and automatic outbound connections over real loopback sockets. Testnet parameters, because
/// regtest has no DNS seeds; the in-test resolver answers every seed with 127.0.0.1, where a node listens.
/// </summary>
public sealed class DnsSeedingTests
{
    [Fact]
    public async Task SeedAnswersAreDialledWhenTheAddressManagerIsEmpty()
    {
        await using var server = Start(ListeningOptions(), new SeedResolver());
        var resolver = new SeedResolver(IPAddress.Loopback);
        await using var client = Start(DialingOptions(server), resolver);

        Assert.True(await TestNode.EventuallyAsync(
            () => client.GetPeers() is [{ Kind: ConnectionKind.Outbound, HandshakeComplete: true }],
            TimeSpan.FromSeconds(8)));
        Assert.Equal(ChainParams.Test.DnsSeeds.Order(), resolver.Asked.Order());
        Assert.Single(server.GetPeers());

        // The handshake marked the address good: it is in the tried table now.
        var seedEntry = client.Addresses.Get(new IPEndPoint(IPAddress.Loopback, Port(server)))!;
        Assert.True(seedEntry.InTried);
    }

    [Fact]
    public async Task NoDnsQueryWithConnectOrWithoutDnsSeed()
    {
        await using var server = Start(ListeningOptions(), new SeedResolver());
        var withConnect = new SeedResolver(IPAddress.Loopback);
        var withoutSeeding = new SeedResolver(IPAddress.Loopback);

        await using var connectClient = Start(DialingOptions(server) with { Connect = [] }, withConnect);
        await using var noSeedClient = Start(DialingOptions(server) with { DnsSeed = false }, withoutSeeding);
        await Task.Delay(1500);

        Assert.Empty(withConnect.Asked);
        Assert.Empty(withoutSeeding.Asked);
        Assert.Empty(connectClient.GetPeers());
        Assert.Empty(noSeedClient.GetPeers());
    }

    [Fact]
    public async Task KnownAddressesDelaySeedingWhichThenStillRunsWithoutPeers()
    {
        await using var server = Start(ListeningOptions(), new SeedResolver());
        var resolver = new SeedResolver(IPAddress.Loopback);
        var addresses = new AddressManager { AcceptLocalAddresses = true };

        // An unreachable address keeps the manager non-empty; seeding waits the delay, then asks anyway.
        addresses.Add([new NetworkAddress(IPAddress.Parse("127.0.0.2"), 1) { Time = DateTimeOffset.UtcNow, Services = NodeServices.Network }], IPAddress.Loopback);
        var options = DialingOptions(server) with { DnsSeedDelay = TimeSpan.FromMilliseconds(700) };
        await using var client = Start(options, resolver, addresses);

        await Task.Delay(300);
        Assert.Empty(resolver.Asked);
        Assert.True(await TestNode.EventuallyAsync(() => !resolver.Asked.IsEmpty, TimeSpan.FromSeconds(5)));
        Assert.True(await TestNode.EventuallyAsync(() => client.GetPeers() is [{ HandshakeComplete: true }], TimeSpan.FromSeconds(8)));
    }

    [Fact]
    public async Task ForceDnsSeedAsksAtOnceEvenWithKnownAddresses()
    {
        await using var server = Start(ListeningOptions(), new SeedResolver());
        var resolver = new SeedResolver(IPAddress.Loopback);
        var addresses = new AddressManager { AcceptLocalAddresses = true };
        addresses.Add([new NetworkAddress(IPAddress.Parse("127.0.0.2"), 1) { Time = DateTimeOffset.UtcNow, Services = NodeServices.Network }], IPAddress.Loopback);

        await using var client = Start(DialingOptions(server) with { ForceDnsSeed = true }, resolver, addresses);

        Assert.True(await TestNode.EventuallyAsync(() => resolver.Asked.Count == ChainParams.Test.DnsSeeds.Count, TimeSpan.FromSeconds(2)));
    }

    private static P2POptions ListeningOptions() => TestNode.DefaultOptions() with { DnsSeed = false };

    // Dials the server through the address manager: the seeds' answers get the default port, which is -port here.
    private static P2POptions DialingOptions(P2PNode server) => new()
    {
        Listen = false,
        Port = Port(server),
        Connect = null,
        AcceptLocalAddresses = true,
        MaintenanceInterval = TimeSpan.FromMilliseconds(100),
    };

    private static int Port(P2PNode server) => server.LocalEndpoints[0].Port;

    private static P2PNode Start(P2POptions options, SeedResolver resolver, AddressManager? addresses = null)
    {
        var node = new P2PNode(
            options, ChainParams.Test, InMemoryChain.GenesisOnly(), NullLoggerFactory.Instance, addresses: addresses, dnsResolver: resolver);
        node.Start();
        return node;
    }
}
