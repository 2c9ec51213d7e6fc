using System.Net;
using Faithcoin.P2P.Net.Socks;

namespace Faithcoin.P2P.Tests.Proxy;

/// <summary>0.15's address networks, OnionCat names and the reachability rules of its init.</summary>
public sealed class ProxyRulesTests
{
    private static readonly SocksProxy Tor = new(new IPEndPoint(IPAddress.Loopback, 9050), true);

    [Fact]
    public void OnionCatMatches015Vector()
    {
        // netbase_tests: FD87:D87E:EB43:edb1:8e4:3588:e546:35ca prints as 5wyqrzbvrdsumnok.onion.
        var address = IPAddress.Parse("fd87:d87e:eb43:edb1:8e4:3588:e546:35ca");

        Assert.Equal("5wyqrzbvrdsumnok.onion", OnionCat.ToName(address));
        Assert.True(OnionCat.TryParse("5WYQRZBVRDSUMNOK.onion", out var parsed));
        Assert.Equal(address, parsed);
        Assert.False(OnionCat.TryParse("5wyqrzbvrdsumno1.onion", out _));
        Assert.False(OnionCat.TryParse("example.com", out _));
    }

    [Theory]
    [InlineData("8.8.8.8", PeerNetwork.IPv4)]
    [InlineData("::ffff:8.8.8.8", PeerNetwork.IPv4)]
    [InlineData("2001:4860:4860::8888", PeerNetwork.IPv6)]
    [InlineData("fd87:d87e:eb43:edb1:8e4:3588:e546:35ca", PeerNetwork.Onion)]
    [InlineData("127.0.0.1", PeerNetwork.Unroutable)]
    [InlineData("10.0.0.1", PeerNetwork.Unroutable)]
    [InlineData("fc00::1", PeerNetwork.Unroutable)]
    public void AddressesBelongTo015sNetworks(string address, PeerNetwork network) =>
        Assert.Equal(network, AddressNetwork.Of(IPAddress.Parse(address)));

    [Fact]
    public void OnionIsUnreachableWithoutAProxyForIt()
    {
        var none = new ProxyOptions();
        Assert.True(none.IsLimited(PeerNetwork.Onion));
        Assert.False(none.IsLimited(PeerNetwork.IPv4));
        Assert.Null(none.ProxyFor(PeerNetwork.IPv4));

        var proxied = new ProxyOptions { Proxy = Tor };
        Assert.False(proxied.IsLimited(PeerNetwork.Onion));
        Assert.Equal(Tor, proxied.ProxyFor(PeerNetwork.Onion));
        Assert.Null(proxied.ProxyFor(PeerNetwork.Unroutable));

        Assert.True((proxied with { OnionDisabled = true }).IsLimited(PeerNetwork.Onion));

        // -onion alone: onion through it, everything else direct, names looked up here.
        var onionOnly = new ProxyOptions { OnionProxy = Tor };
        Assert.False(onionOnly.IsLimited(PeerNetwork.Onion));
        Assert.Equal(Tor, onionOnly.ProxyFor(PeerNetwork.Onion));
        Assert.Null(onionOnly.ProxyFor(PeerNetwork.IPv6));
        Assert.Null(onionOnly.NameProxy);
    }

    [Fact]
    public void OnlyNetLimitsTheOtherNetworksButAProxyStillOpensOnion()
    {
        var onlyIPv4 = new ProxyOptions { OnlyNet = new HashSet<PeerNetwork> { PeerNetwork.IPv4 } };
        Assert.False(onlyIPv4.IsLimited(PeerNetwork.IPv4));
        Assert.True(onlyIPv4.IsLimited(PeerNetwork.IPv6));
        Assert.True(onlyIPv4.IsLimited(PeerNetwork.Onion));
        Assert.True(onlyIPv4.IsLimited(PeerNetwork.Unroutable));

        // 0.15 applies -onlynet before -proxy, whose SetLimited(NET_TOR, false) wins.
        Assert.False((onlyIPv4 with { Proxy = Tor }).IsLimited(PeerNetwork.Onion));
    }
}
