using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Net.Socks;
using Faithcoin.P2P.Tests.Addresses;
using Faithcoin.P2P.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faithcoin.P2P.Tests.Proxy;

/// <summary>
/// DNS seeding behind -proxy (0.15's HaveNameProxy branch): the seed names are not looked up here but dialled
/// once each through the proxy, which resolves them. Testnet parameters, because regtest has no DNS seeds.
/// </summary>
public sealed class ProxySeedingTests
{
    [Fact]
    public async Task SeedNamesAreDialledThroughTheProxyNotResolved()
    {
        await using var server = Start(TestNode.DefaultOptions() with { DnsSeed = false }, new SeedResolver());
        await using var socks = new Socks5TestServer(server.LocalEndpoints[0]);
        var resolver = new SeedResolver(System.Net.IPAddress.Loopback);
        var options = new P2POptions
        {
            Listen = false,
            Connect = null,
            MaintenanceInterval = TimeSpan.FromMilliseconds(100),
            Proxies = new ProxyOptions { Proxy = new SocksProxy(socks.Endpoint, true) },
        };
        await using var client = Start(options, resolver);

        Assert.True(await TestNode.EventuallyAsync(() => socks.Requests.Count >= ChainParams.Test.DnsSeeds.Count, TimeSpan.FromSeconds(10)));
        Assert.Equal(ChainParams.Test.DnsSeeds.Order(), socks.Requests.Select(r => r.Host).Order());
        Assert.All(socks.Requests, r => Assert.Equal((0x03, ChainParams.Test.DefaultPort), (r.AddressType, r.Port)));
        Assert.Empty(resolver.Asked);
    }

    private static P2PNode Start(P2POptions options, SeedResolver resolver)
    {
        var node = new P2PNode(options, ChainParams.Test, InMemoryChain.GenesisOnly(), NullLoggerFactory.Instance, dnsResolver: resolver);
        node.Start();
        return node;
    }
}
