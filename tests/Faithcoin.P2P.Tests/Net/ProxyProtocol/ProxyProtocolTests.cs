using System.Net;
using System.Net.Sockets;
using Faithcoin.P2P.Peers;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;

namespace Faithcoin.P2P.Tests.Net.ProxyProtocol;

/// <summary>A live node on 127.0.0.1 with loopback as its -proxyprotocol source, and real client sockets.</summary>
public sealed class ProxyProtocolTests
{
    private static readonly IPEndPoint Carried = IPEndPoint.Parse("203.0.113.7:51234");
    private static readonly IPEndPoint Ingress = IPEndPoint.Parse("10.0.0.5:9666");

    [Fact]
    public async Task AV1HeaderGivesThePeerTheCarriedAddress()
    {
        await using var node = StartTrusting();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.SendRawAsync(ProxyHeaders.V1("PROXY TCP4 203.0.113.7 10.0.0.5 51234 9666\r\n"));
        await peer.HandshakeAsync();
        await peer.SyncWithPingAsync();

        var info = node.SinglePeer()!;
        Assert.Equal(Carried, info.RemoteEndPoint);
        Assert.Equal("203.0.113.7:51234", info.AddressName);
        Assert.True(info.HandshakeComplete);
    }

    [Fact]
    public async Task AV2Tcp4HeaderSentWithTheVersionInOneWriteGivesTheCarriedAddress()
    {
        await using var node = StartTrusting();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        // The bytes after the header arrive in the same read and must reach the P2P reader intact.
        var version = RawPeer.Frame(ChainParams.Regtest.MessageStart.ToArray(), NetCommands.Version, VersionPayload());
        await peer.SendRawAsync([.. ProxyHeaders.V2(Carried, Ingress, tlvs: [0x04, 0x00, 0x01, 0x00]), .. version]);
        await peer.ReadUntilAsync(NetCommands.Verack);
        await peer.SendAsync(NetCommands.Verack, []);
        await peer.SyncWithPingAsync();

        Assert.Equal(Carried, node.SinglePeer()!.RemoteEndPoint);
    }

    [Fact]
    public async Task AV2Tcp6HeaderGivesTheCarriedIpv6Address()
    {
        await using var node = StartTrusting();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.SendRawAsync(ProxyHeaders.V2(IPEndPoint.Parse("[2001:db8::7]:40001"), IPEndPoint.Parse("[2001:db8::1]:9666")));
        await peer.HandshakeAsync();

        Assert.Equal(IPEndPoint.Parse("[2001:db8::7]:40001"), node.SinglePeer()!.RemoteEndPoint);
    }

    [Fact]
    public async Task AV2LocalHeaderKeepsTheSocketAddress()
    {
        await using var node = StartTrusting();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.SendRawAsync(ProxyHeaders.V2(Carried, Ingress, versionCommand: 0x20));
        await peer.HandshakeAsync();

        Assert.Equal(IPAddress.Loopback, node.SinglePeer()!.RemoteEndPoint.Address);
    }

    [Fact]
    public async Task ADirectPeerFromTheTrustedRangeWithoutAHeaderIsServedAsUsual()
    {
        await using var node = StartTrusting();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.HandshakeAsync();
        await peer.SyncWithPingAsync();

        var info = node.SinglePeer()!;
        Assert.Equal(IPAddress.Loopback, info.RemoteEndPoint.Address);
        Assert.True(info.HandshakeComplete);
    }

    [Fact]
    public async Task AProbeThatConnectsAndClosesLeavesNoPeerAndNoBan()
    {
        await using var node = StartTrusting();
        using (var probe = new TcpClient())
        {
            await probe.ConnectAsync(node.Endpoint);
        }

        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        Assert.Single(node.Node.GetPeers());
        Assert.Empty(node.Node.BanList.GetEntries(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task ASilentClientIsClosedAfterTheTimeout()
    {
        await using var node = StartTrusting();
        await using var silent = await RawPeer.ConnectAsync(node.Endpoint);

        Assert.True(await silent.WaitForDisconnectAsync(TimeSpan.FromSeconds(3)));
        Assert.Empty(node.Node.GetPeers());
        Assert.Empty(node.Node.BanList.GetEntries(DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("PROXY TCP4 203.0.113.7 10.0.0.5 51234\r\n")]
    [InlineData("PROXY TCP9 whatever\r\n")]
    public async Task AMalformedV1HeaderClosesTheConnection(string line)
    {
        await using var node = StartTrusting();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.SendRawAsync(ProxyHeaders.V1(line));

        Assert.True(await peer.WaitForDisconnectAsync(TimeSpan.FromSeconds(2)));
        Assert.Empty(node.Node.GetPeers());
    }

    [Fact]
    public async Task AWrongV2VersionClosesTheConnection()
    {
        await using var node = StartTrusting();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.SendRawAsync(ProxyHeaders.V2(Carried, Ingress, versionCommand: 0x11));

        Assert.True(await peer.WaitForDisconnectAsync(TimeSpan.FromSeconds(2)));
        Assert.Empty(node.Node.GetPeers());
    }

    [Fact]
    public async Task WithoutTrustAProxyLineIsGarbageAndDisconnects()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.SendRawAsync(ProxyHeaders.V1("PROXY TCP4 203.0.113.7 10.0.0.5 51234 9666\r\n"));
        await peer.SendVersionAsync();

        Assert.True(await peer.WaitForDisconnectAsync(TimeSpan.FromSeconds(2)));
        Assert.DoesNotContain(peer.Received, m => m.Command == NetCommands.Verack);
    }

    [Fact]
    public async Task ABannedCarriedAddressIsRefusedAndOthersBehindTheProxyAreNot()
    {
        await using var node = StartTrusting();
        node.Node.Ban(IPNetwork.Parse("203.0.113.0/24"), DateTimeOffset.UtcNow.AddHours(1));
        await using var banned = await RawPeer.ConnectAsync(node.Endpoint);
        await using var other = await RawPeer.ConnectAsync(node.Endpoint);

        await banned.SendRawAsync(ProxyHeaders.V1("PROXY TCP4 203.0.113.7 10.0.0.5 51234 9666\r\n"));
        await banned.SendVersionAsync();
        await other.SendRawAsync(ProxyHeaders.V1("PROXY TCP4 198.51.100.9 10.0.0.5 40000 9666\r\n"));
        await other.HandshakeAsync();

        Assert.True(await banned.WaitForDisconnectAsync(TimeSpan.FromSeconds(2)));
        Assert.DoesNotContain(banned.Received, m => m.Command == NetCommands.Verack);
        Assert.Equal(IPEndPoint.Parse("198.51.100.9:40000"), Assert.Single(node.Node.GetPeers()).RemoteEndPoint);
    }

    [Fact]
    public async Task MisbehaviourBansTheCarriedAddressNotTheProxy()
    {
        await using var node = StartTrusting();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.SendRawAsync(ProxyHeaders.V1("PROXY TCP4 203.0.113.7 10.0.0.5 51234 9666\r\n"));
        await peer.HandshakeAsync();

        for (var i = 0; i < 5; i++)
        {
            await peer.SendAsync(NetCommands.Inv, Payloads.InventoryList(50001));
        }

        Assert.True(await peer.WaitForDisconnectAsync());
        var entry = Assert.Single(node.Node.BanList.GetEntries(DateTimeOffset.UtcNow));
        Assert.Equal(IPNetwork.Parse("203.0.113.7/32"), entry.Subnet);
        Assert.Equal(BanReason.NodeMisbehaving, entry.Reason);
        await using var direct = await RawPeer.ConnectAsync(node.Endpoint);
        await direct.HandshakeAsync();
    }

    [Fact]
    public async Task TheWhitelistIsCheckedAgainstTheCarriedAddress()
    {
        var options = TrustingOptions() with { Whitelist = [IPNetwork.Parse("203.0.113.0/24")] };
        await using var node = TestNode.Start(options);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.SendRawAsync(ProxyHeaders.V1("PROXY TCP4 203.0.113.7 10.0.0.5 51234 9666\r\n"));
        await peer.HandshakeAsync();

        Assert.True(node.SinglePeer()!.IsWhitelisted);
    }

    private static P2POptions TrustingOptions() => TestNode.DefaultOptions() with
    {
        ProxyProtocolSources = [IPNetwork.Parse("127.0.0.0/8")],
        ProxyProtocolTimeout = TimeSpan.FromMilliseconds(500),
    };

    private static byte[] VersionPayload() => VersionMessageCodec.Write(new VersionMessage
    {
        Version = ProtocolVersions.Current,
        Services = ServiceFlags.Network | ServiceFlags.Witness,
        Timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        Receiver = WireAddress.None(ServiceFlags.None),
        Nonce = 0x0102030405060708,
        UserAgent = "/proxied:1/",
        StartHeight = 0,
        Relay = true,
    });

    private static TestNode StartTrusting() => TestNode.Start(TrustingOptions());
}
