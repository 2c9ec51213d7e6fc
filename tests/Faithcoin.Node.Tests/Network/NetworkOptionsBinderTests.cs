using System.Net;
using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Tests.Networking;

public sealed class NetworkOptionsBinderTests : IDisposable
{
    private readonly TempDirectory home = new();
    private readonly TempDirectory data = new();

    public void Dispose()
    {
        home.Dispose();
        data.Dispose();
    }

    [Fact]
    public void DefaultsAreThoseOfTheOriginal()
    {
        var network = Load("-regtest").Network;
        Assert.True(network.P2P.Listen);
        Assert.Equal(19444, network.P2P.Port);
        Assert.Null(network.P2P.Connect);
        Assert.Equal(125, network.P2P.MaxConnections);
        Assert.Equal(100, network.P2P.BanScore);
        Assert.Equal(TimeSpan.FromSeconds(86400), network.P2P.BanTime);
        Assert.Equal(5_000_000, network.P2P.MaxReceiveBuffer);
        Assert.Equal(1_000_000, network.P2P.MaxSendBuffer);
        Assert.Equal(TimeSpan.FromMilliseconds(5000), network.P2P.ConnectTimeout);
        Assert.True(network.DnsSeed);
        Assert.EndsWith(Path.Combine("regtest", "banlist.json"), network.P2P.BanListPath, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectTurnsListenAndDnsSeedOffUnlessGivenThemselves()
    {
        var network = Load("-regtest", "-connect=127.0.0.1:1").Network;
        Assert.False(network.P2P.Listen);
        Assert.False(network.DnsSeed);
        Assert.Equal(["127.0.0.1:1"], network.P2P.Connect);
        Assert.True(Load("-regtest", "-connect=127.0.0.1:1", "-listen").Network.P2P.Listen);
        Assert.True(Load("-regtest", "-connect=127.0.0.1:1", "-bind=127.0.0.1").Network.P2P.Listen);
        Assert.Empty(Load("-regtest", "-connect=0").Network.P2P.Connect!);
    }

    [Fact]
    public void OptionsAreBoundWithTheirUnits()
    {
        var network = Load(
            "-regtest", "-port=1234", "-bind=127.0.0.1", "-bind=127.0.0.2:99", "-addnode=a:1", "-addnode=b:2", "-seednode=s:3",
            "-whitelist=10.1.2.3/8", "-whitelist=::1", "-whitelist=192.168.0.0/255.255.0.0", "-banscore=50", "-bantime=60",
            "-maxreceivebuffer=10", "-maxsendbuffer=20", "-timeout=0", "-maxconnections=7", "-uacomment=hi there", "-maxtipage=999999",
            "-proxyprotocol=10.0.0.0/8", "-onlynet=IPv4", "-externalip=1.2.3.4").Network;
        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 1234), new IPEndPoint(IPAddress.Parse("127.0.0.2"), 99)], network.P2P.Bind);
        Assert.Equal(["a:1", "b:2"], network.P2P.AddNode);
        Assert.Equal(["s:3"], network.P2P.SeedNode);
        Assert.Equal([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("192.168.0.0/16")], network.P2P.Whitelist);
        Assert.Equal([IPNetwork.Parse("10.0.0.0/8")], network.P2P.ProxyProtocolSources);
        Assert.Equal(50, network.P2P.BanScore);
        Assert.Equal(TimeSpan.FromSeconds(60), network.P2P.BanTime);
        Assert.Equal(10_000, network.P2P.MaxReceiveBuffer);
        Assert.Equal(20_000, network.P2P.MaxSendBuffer);
        Assert.Equal(TimeSpan.FromMilliseconds(5000), network.P2P.ConnectTimeout);
        Assert.Equal(7, network.P2P.MaxConnections);
        Assert.Contains("(hi there)", network.P2P.FormatUserAgent(), StringComparison.Ordinal);
        Assert.Equal([IPNetwork.Parse("10.0.0.0/8")], network.ProxyProtocol);
        Assert.Equal(["ipv4"], network.OnlyNet);
        Assert.False(network.Discover);
        Assert.Equal(TimeSpan.FromSeconds(999999), Load("-regtest", "-maxtipage=999999").ChainState.MaxTipAge);
    }

    [Fact]
    public void ExternalIpAndDiscoverReachTheAddressRelay()
    {
        var external = Load("-regtest", "-port=1234", "-externalip=1.2.3.4", "-externalip=[2a01:4f8::1]:99").Network.P2P.AddressRelay;
        Assert.Equal([new IPEndPoint(IPAddress.Parse("1.2.3.4"), 1234), new IPEndPoint(IPAddress.Parse("2a01:4f8::1"), 99)], external.ExternalAddresses);
        Assert.False(external.Discover);
        Assert.True(Load("-regtest").Network.P2P.AddressRelay.Discover);
        Assert.False(Load("-regtest", "-listen=0").Network.P2P.AddressRelay.Discover);
        Assert.True(Load("-regtest", "-externalip=1.2.3.4", "-discover").Network.P2P.AddressRelay.Discover);
    }

    [Theory]
    [InlineData("-whitelist=10.0.0.0/33", "Invalid netmask specified in -whitelist: '10.0.0.0/33'")]
    [InlineData("-proxyprotocol=10.1.0.0/40", "Invalid netmask specified in -proxyprotocol: '10.1.0.0/40'")]
    [InlineData("-onlynet=carrierpigeon", "Unknown network specified in -onlynet: 'carrierpigeon'")]
    [InlineData("-uacomment=a<b", "User Agent comment (a<b) contains unsafe characters.")]
    [InlineData("-banscore=x", "Invalid value for -banscore: 'x'")]
    public void BadValuesStopTheStart(string arg, string message)
    {
        var e = Assert.Throws<ConfigurationException>(() => Load("-regtest", arg));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProxyTurnsListenOffAndServesEveryNetwork()
    {
        var options = Load("-regtest", "-proxy=127.0.0.1:9050", "-onlynet=ipv6");
        var proxies = options.Network.P2P.Proxies;
        Assert.False(options.Network.P2P.Listen);
        Assert.False(options.Network.ListenOnion);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 9050), proxies.Proxy!.Endpoint);
        Assert.True(proxies.Proxy.RandomizeCredentials);
        Assert.True(proxies.IsLimited(Faithcoin.P2P.Net.Socks.PeerNetwork.IPv4));
        Assert.DoesNotContain(options.IgnoredOptions, a => a.Name is "proxy" or "onlynet" or "connect" or "addnode" or "whitelist");
        Assert.Equal(9050, Load("-regtest", "-proxy=127.0.0.1").Network.P2P.Proxies.Proxy!.Endpoint.Port);

        // IsArgSet("-proxy"): -noproxy sets no proxy but still turns the listen default off, as in 0.15.
        var noProxy = Load("-regtest", "-noproxy").Network;
        Assert.Null(noProxy.P2P.Proxies.Proxy);
        Assert.False(noProxy.P2P.Listen);
        Assert.True(noProxy.P2P.Proxies.IsLimited(Faithcoin.P2P.Net.Socks.PeerNetwork.Onion));
    }

    private NodeOptions Load(params string[] argv) =>
        new NodeConfigurationLoader(new NodeOptionsBinder(new OptionCatalog()), home.Combine(".faithcoin"))
            .Load(CommandLineParser.Parse([$"-datadir={data.Path}", .. argv]));
}
