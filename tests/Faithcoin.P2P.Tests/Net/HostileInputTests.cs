using System.Diagnostics;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using RejectCode = Faithcoin.Consensus.Validation.RejectCode;

namespace Faithcoin.P2P.Tests.Net;

/// <summary>Bytes no honest peer sends, each on its own connection against a live node.</summary>
[Collection(nameof(MemorySensitive))]
public sealed class HostileInputTests
{
    private static readonly byte[] Regtest = [0xfa, 0xbf, 0xb5, 0xda];

    [Fact]
    public async Task GarbageBytesAreAWrongMessageStartAndDisconnect()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);

        await peer.SendRawAsync(Enumerable.Range(0, 100).Select(i => (byte)(i * 7)).ToArray());

        Assert.True(await peer.WaitForDisconnectAsync());
    }

    [Fact]
    public async Task WrongMessageStartDisconnects()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        // Main's message start on a regtest node.
        await peer.SendRawAsync(RawPeer.Frame([0xd0, 0xe1, 0xf5, 0xec], NetCommands.Ping, new byte[8]));

        Assert.True(await peer.WaitForDisconnectAsync());
    }

    [Fact]
    public async Task BadChecksumIsIgnoredAndTheConnectionStays()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendRawAsync(RawPeer.Frame(Regtest, NetCommands.Ping, Payloads.Ping(77), checksumOverride: 0xffffffff));
        await peer.SyncWithPingAsync(78);

        Assert.DoesNotContain(peer.Received, m => m.Command == NetCommands.Pong && BitConverter.ToUInt64(m.Payload) == 77);
        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task InvalidCommandCharactersAreSkippedAndTheConnectionStays()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        var frame = RawPeer.Frame(Regtest, "ping", Payloads.Ping(5));
        frame[9] = 0x01; // a control character after the NUL that ends "ping"
        await peer.SendRawAsync(frame);
        await peer.SyncWithPingAsync(6);

        Assert.DoesNotContain(peer.Received, m => m.Command == NetCommands.Pong && BitConverter.ToUInt64(m.Payload) == 5);
    }

    [Fact]
    public async Task FourGigabyteLengthDisconnectsAtOnceWithoutAllocating()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        await peer.SendRawAsync(RawPeer.Frame(Regtest, NetCommands.Block, [], lengthOverride: uint.MaxValue));

        Assert.True(await peer.WaitForDisconnectAsync(TimeSpan.FromSeconds(2)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore < 16 * 1024 * 1024);
    }

    [Fact]
    public async Task PayloadOverTheProtocolLimitDisconnects()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendRawAsync(RawPeer.Frame(Regtest, NetCommands.Block, new byte[100], lengthOverride: WireLimits.MaxProtocolMessageLength + 1));

        Assert.True(await peer.WaitForDisconnectAsync());
    }

    [Fact]
    public async Task TruncatedPayloadThenCloseLeavesNoPeerBehind()
    {
        await using var node = TestNode.Start();
        var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendRawAsync(RawPeer.Frame(Regtest, NetCommands.Block, new byte[1000])[..500]);
        await peer.DisposeAsync();

        Assert.True(await TestNode.EventuallyAsync(() => node.Node.GetPeers().Count == 0));
    }

    [Fact]
    public async Task UnknownCommandIsIgnored()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync("xyzzy", [1, 2, 3]);
        await peer.SyncWithPingAsync();

        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task MalformedPayloadGetsAMalformedRejectAndNoPenalty()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.GetHeaders, [1, 2, 3]);
        var reject = RejectMessageCodec.Read((await peer.ReadUntilAsync(NetCommands.Reject)).Payload);
        await peer.SyncWithPingAsync();

        Assert.Equal(new RejectMessage(NetCommands.GetHeaders, RejectCode.Malformed, "error parsing message"), reject);
        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task PeerThatNeverReadsKeepsTheSendQueueBounded()
    {
        var options = TestNode.DefaultOptions() with { MaxSendBuffer = 200_000, InactivityTimeout = TimeSpan.FromMinutes(5) };
        await using var node = TestNode.Start(options, new InMemoryChain(RegtestHeaders.Chain2100));
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint, receiveBufferSize: 4096);
        await peer.HandshakeAsync();
        var request = RawPeer.Frame(Regtest, NetCommands.GetHeaders, Payloads.GetHeaders([RegtestHeaders.Chain2100[0].GetHash()]));
        var answer = (2000 * 81) + 3 + 24;

        // Each request asks for 162 kB; 800 of them would be 130 MB if the node answered them all.
        for (var i = 0; i < 400; i++)
        {
            await peer.SendRawAsync(request);
        }

        Assert.True(await TestNode.EventuallyAsync(() => node.SinglePeer()!.SendQueueBytes > options.MaxSendBuffer));
        for (var i = 0; i < 400; i++)
        {
            await peer.SendRawAsync(request);
        }

        await Task.Delay(300);
        var peerInfo = node.SinglePeer()!;
        // At most one answer (and a ping or feefilter) beyond the limit is queued; what the kernel took is bounded by its buffers.
        Assert.InRange(peerInfo.SendQueueBytes, options.MaxSendBuffer, options.MaxSendBuffer + answer + 1024);
        Assert.True(peerInfo.BytesSent + peerInfo.SendQueueBytes < 100L * answer);
    }
}

[CollectionDefinition(nameof(MemorySensitive), DisableParallelization = true)]
public sealed class MemorySensitive;
