using System.Net;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Net.Socks;
using Faithcoin.P2P.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin.Protocol;
using AddressManager = Faithcoin.P2P.Peers.AddressManager;

namespace Faithcoin.P2P.Tests.Proxy;

/// <summary>
/// Automatic outbound connections from the address manager under -onlynet and -onion: addresses of limited
/// networks are never asked for, onion addresses go to the onion proxy by their .onion name.
/// </summary>
public sealed class ProxyNetworkTests
{
    private const string OnionName = "5wyqrzbvrdsumnok.onion";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task OnlyNetIPv6LeavesIPv4AddressesUntried()
    {
        await using var server = TestNode.Start();
        await using var socks = new Socks5TestServer(server.Endpoint);
        var addresses = new AddressManager();
        addresses.Add(
            [.. Enumerable.Range(1, 6).Select(i => Entry(IPAddress.Parse($"{i}.2.3.4"))), Entry(IPAddress.Parse("2001:4860:4860::8888"))],
            IPAddress.Parse("8.8.8.8"));
        var proxies = new ProxyOptions
        {
            Proxy = new SocksProxy(socks.Endpoint, false),
            OnlyNet = new HashSet<PeerNetwork> { PeerNetwork.IPv6 },
        };
        await using var client = StartAutomatic(proxies, addresses);

        Assert.True(await TestNode.EventuallyAsync(() => client.GetPeers() is [{ HandshakeComplete: true }], Wait));
        await Task.Delay(1500);

        Assert.Equal(["2001:4860:4860::8888"], socks.Requests.Select(r => r.Host).Distinct());
    }

    [Fact]
    public async Task OnionAddressGoesToTheOnionProxyByName()
    {
        await using var server = TestNode.Start();
        await using var general = new Socks5TestServer(server.Endpoint);
        await using var onion = new Socks5TestServer(server.Endpoint);
        var addresses = new AddressManager();
        Assert.True(OnionCat.TryParse(OnionName, out var onionAddress));
        addresses.Add([Entry(onionAddress)], IPAddress.Parse("8.8.8.8"));
        Assert.Equal(1, addresses.Count);
        var proxies = new ProxyOptions
        {
            Proxy = new SocksProxy(general.Endpoint, false),
            OnionProxy = new SocksProxy(onion.Endpoint, false),
        };
        await using var client = StartAutomatic(proxies, addresses);

        Assert.True(await TestNode.EventuallyAsync(() => client.GetPeers() is [{ HandshakeComplete: true }], Wait));
        var request = Assert.Single(onion.Requests);
        Assert.Equal((0x03, OnionName, 19444), (request.AddressType, request.Host, request.Port));
        Assert.Equal(0, general.Connections);
    }

    [Fact]
    public async Task OnionNameGivenToConnectGoesToTheOnionProxy()
    {
        await using var server = TestNode.Start();
        await using var general = new Socks5TestServer(server.Endpoint);
        await using var onion = new Socks5TestServer(server.Endpoint);
        await using var client = TestNode.Start(TestNode.DefaultOptions() with
        {
            Connect = [$"{OnionName}:19444"],
            Proxies = new ProxyOptions { Proxy = new SocksProxy(general.Endpoint, false), OnionProxy = new SocksProxy(onion.Endpoint, false) },
        });

        Assert.True(await TestNode.EventuallyAsync(() => client.SinglePeer() is { HandshakeComplete: true }, Wait));
        Assert.Equal(OnionName, Assert.Single(onion.Requests).Host);
        Assert.Equal(0, general.Connections);
    }

    [Fact]
    public async Task NoOnionLeavesOnionAddressesUntriedEvenWithAProxy()
    {
        await using var socks = new Socks5TestServer();
        var addresses = new AddressManager();
        Assert.True(OnionCat.TryParse(OnionName, out var onionAddress));
        addresses.Add([Entry(onionAddress)], IPAddress.Parse("8.8.8.8"));
        var proxies = new ProxyOptions { Proxy = new SocksProxy(socks.Endpoint, true), OnionDisabled = true };
        await using var client = StartAutomatic(proxies, addresses);

        await Task.Delay(1500);

        Assert.Equal(0, socks.Connections);
        Assert.Empty(client.GetPeers());
    }

    private static NetworkAddress Entry(IPAddress address) =>
        new(address, 19444) { Time = DateTimeOffset.UtcNow, Services = NodeServices.Network };

    private static P2PNode StartAutomatic(ProxyOptions proxies, AddressManager addresses)
    {
        var options = new P2POptions
        {
            Listen = false,
            Connect = null,
            DnsSeed = false,
            MaintenanceInterval = TimeSpan.FromMilliseconds(100),
            Proxies = proxies,
        };
        var node = new P2PNode(options, ChainParams.Regtest, InMemoryChain.GenesisOnly(), NullLoggerFactory.Instance, addresses: addresses);
        node.Start();
        return node;
    }
}
