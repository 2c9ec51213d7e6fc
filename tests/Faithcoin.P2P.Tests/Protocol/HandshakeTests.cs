using System.Net;
using System.Net.Sockets;
using Faithcoin.P2P.Net;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin.Protocol;
using RejectCode = Faithcoin.Consensus.Validation.RejectCode;
using ServiceFlags = Faithcoin.P2P.Wire.ServiceFlags;

namespace Faithcoin.P2P.Tests.Protocol;

public sealed class HandshakeTests
{
    [Fact]
    public async Task InboundPeerReceivesVersionVerackThenPreferencesPingGetHeadersAndFeeFilterInOrder()
    {
        await using var node = TestNode.Start(chain: new InMemoryChain(RegtestHeaders.Chain2100.Take(11)));
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.SendVersionAsync();
        var version = await peer.ReadAsync();
        var verack = await peer.ReadAsync();
        await peer.SendAsync(NetCommands.Verack, []);
        var rest = new List<RawMessage>();
        for (var i = 0; i < 6; i++)
        {
            rest.Add(await peer.ReadAsync());
        }

        Assert.Equal(NetCommands.Version, version.Command);
        Assert.Equal(NetCommands.Verack, verack.Command);
        Assert.Empty(verack.Payload);
        Assert.Equal(
            [NetCommands.SendHeaders, NetCommands.SendCmpct, NetCommands.SendCmpct, NetCommands.Ping, NetCommands.GetHeaders, NetCommands.FeeFilter],
            rest.Select(m => m.Command));
        Assert.Equal("000200000000000000", Convert.ToHexStringLower(rest[1].Payload));
        Assert.Equal("000100000000000000", Convert.ToHexStringLower(rest[2].Payload));
        Assert.Equal(8, rest[3].Payload.Length);
        Assert.Equal(100000L, BitConverter.ToInt64(rest[5].Payload));
    }

    [Fact]
    public async Task VersionPayloadCarriesTheFieldsZeroAddressesAndUserAgentOf015()
    {
        var options = TestNode.DefaultOptions() with { UserAgentComments = ["k8s", "pod-1"] };
        await using var node = TestNode.Start(options, new InMemoryChain(RegtestHeaders.Chain2100.Take(8)));
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await peer.SendVersionAsync();
        var payload = (await peer.ReadUntilAsync(NetCommands.Version)).Payload;
        var version = VersionMessageCodec.Read(payload);

        Assert.Equal(70015, version.Version);
        Assert.Equal(ServiceFlags.Network | ServiceFlags.Witness, version.Services);
        Assert.InRange(version.Timestamp, before - 2, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 2);
        // 127.0.0.1 is not routable: 0.15 sends CService() (all zeros) for the receiver.
        Assert.Equal(WireAddress.None(ServiceFlags.None), version.Receiver);
        Assert.Equal(WireAddress.None(ServiceFlags.Network | ServiceFlags.Witness), version.Sender);
        Assert.NotEqual(0UL, version.Nonce);
        Assert.Equal("/FaithcoinNet:0.1.0(k8s; pod-1)/", version.UserAgent);
        Assert.Equal(7, version.StartHeight);
        Assert.True(version.Relay);
        // version(4) services(8) time(8) addr_recv(26) addr_from(26) nonce(8) ua(1+n) height(4) relay(1)
        Assert.Equal(4 + 8 + 8 + 26 + 26 + 8 + 1 + version.UserAgent.Length + 4 + 1, payload.Length);
    }

    [Fact]
    public async Task OutboundConnectionSendsVersionFirstThenVerackGetaddrAndPreferences()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        await using var node = TestNode.Start();

        var connecting = node.Node.ConnectAsync(listener.LocalEndPoint!.ToString()!);
        using var accepted = await listener.AcceptAsync().WaitAsync(RawPeer.DefaultWait);
        await using var remote = RawPeer.FromAccepted(accepted);
        Assert.True(await connecting);

        var first = await remote.ReadAsync();
        await remote.SendVersionAsync();
        await remote.SendAsync(NetCommands.Verack, []);
        var rest = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            rest.Add((await remote.ReadAsync()).Command);
        }

        Assert.Equal(NetCommands.Version, first.Command);
        Assert.Equal(
            [NetCommands.Verack, NetCommands.GetAddr, NetCommands.SendHeaders, NetCommands.SendCmpct, NetCommands.SendCmpct, NetCommands.Ping, NetCommands.GetHeaders, NetCommands.FeeFilter],
            rest);
    }

    [Fact]
    public async Task TwoNodesConnectAndCompleteTheHandshake()
    {
        await using var server = TestNode.Start(chain: new InMemoryChain(RegtestHeaders.Chain2100.Take(4)));
        await using var client = TestNode.Start();

        Assert.True(await client.Node.ConnectAsync(server.Endpoint.ToString()));

        Assert.True(await TestNode.EventuallyAsync(() =>
            server.SinglePeer() is { HandshakeComplete: true } && client.SinglePeer() is { HandshakeComplete: true }));
        var seenByServer = server.SinglePeer()!;
        var seenByClient = client.SinglePeer()!;
        Assert.Equal(ConnectionKind.Inbound, seenByServer.Kind);
        Assert.Equal(ConnectionKind.Manual, seenByClient.Kind);
        Assert.Equal("/FaithcoinNet:0.1.0/", seenByServer.UserAgent);
        Assert.Equal(70015, seenByClient.Version);
        Assert.Equal(3, seenByClient.StartHeight);
        Assert.Equal(0, seenByServer.StartHeight);
        Assert.True(await TestNode.EventuallyAsync(() => client.SinglePeer()?.PingTime is not null));
    }

    [Fact]
    public async Task ConnectionToSelfIsDetectedByNonceAndDropped()
    {
        await using var node = TestNode.Start();

        Assert.True(await node.Node.ConnectAsync(node.Endpoint.ToString()));

        Assert.True(await TestNode.EventuallyAsync(() => node.Node.GetPeers().Count == 0));
    }

    [Fact]
    public async Task PeerBelowMinimumVersionGetsObsoleteRejectAndIsDisconnected()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.SendVersionAsync(version: 70001);
        var reject = RejectMessageCodec.Read((await peer.ReadUntilAsync(NetCommands.Reject)).Payload);

        Assert.Equal(new RejectMessage(NetCommands.Version, RejectCode.Obsolete, "Version must be 70002 or greater"), reject);
        Assert.True(await peer.WaitForDisconnectAsync());
    }

    [Fact]
    public async Task DuplicateVersionIsRejectedAndScoresOne()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendVersionAsync();
        var reject = RejectMessageCodec.Read((await peer.ReadUntilAsync(NetCommands.Reject)).Payload);
        await peer.SyncWithPingAsync();

        Assert.Equal(RejectCode.Duplicate, reject.Code);
        Assert.Equal("Duplicate version message", reject.Reason);
        Assert.Equal(1, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task MessageBeforeVersionScoresOneAndIsNotAnswered()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.SendAsync(NetCommands.Ping, new byte[8]);
        await peer.SendAsync(NetCommands.GetAddr, []);
        await peer.HandshakeAsync();
        await peer.SyncWithPingAsync();

        Assert.Equal(2, node.SinglePeer()!.Misbehaviour);
        Assert.DoesNotContain(peer.Received, m => m.Command == NetCommands.Pong && BitConverter.ToUInt64(m.Payload) == 0);
    }

    [Fact]
    public async Task MessageAfterVersionButBeforeVerackScoresOne()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.SendVersionAsync();
        await peer.ReadUntilAsync(NetCommands.Verack);
        await peer.SendAsync(NetCommands.GetHeaders, new PayloadSerializerFixture().GetHeaders());
        await peer.SendAsync(NetCommands.Verack, []);
        await peer.SyncWithPingAsync();

        Assert.Equal(1, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task SilentPeerIsDroppedAfterTheHandshakeTimeout()
    {
        var options = TestNode.DefaultOptions() with { HandshakeTimeout = TimeSpan.FromMilliseconds(500) };
        await using var node = TestNode.Start(options);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        Assert.True(await peer.WaitForDisconnectAsync(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task PeerThatNeverFinishesTheHandshakeIsDropped()
    {
        var options = TestNode.DefaultOptions() with { HandshakeTimeout = TimeSpan.FromMilliseconds(500) };
        await using var node = TestNode.Start(options);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.SendVersionAsync();

        Assert.True(await peer.WaitForDisconnectAsync(TimeSpan.FromSeconds(3)));
    }

    private sealed class PayloadSerializerFixture
    {
        public byte[] GetHeaders() =>
            new PayloadSerializer(Consensus.Chain.ChainParams.Regtest.Network.Consensus.ConsensusFactory)
                .Serialize(new GetHeadersPayload(new NBitcoin.BlockLocator { Blocks = [Consensus.Chain.ChainParams.Regtest.GenesisHash] }));
    }
}
