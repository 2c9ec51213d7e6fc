using System.Buffers.Binary;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P.Tests.Protocol;

public sealed class PingTests
{
    [Fact]
    public async Task PingIsAnsweredWithTheSameNonce()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.Ping, Payloads.Ping(0x0102030405060708));
        var pong = await peer.ReadUntilAsync(NetCommands.Pong);

        Assert.Equal(0x0102030405060708UL, BinaryPrimitives.ReadUInt64LittleEndian(pong.Payload));
    }

    [Fact]
    public async Task NodePingsAfterHandshakeAndMatchesThePongNonce()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        var ping = await peer.ReadUntilAsync(NetCommands.Ping);
        var nonce = BinaryPrimitives.ReadUInt64LittleEndian(ping.Payload);
        await peer.SendAsync(NetCommands.Pong, Payloads.Ping(nonce ^ 1));
        await peer.SyncWithPingAsync();
        Assert.Null(node.SinglePeer()!.PingTime);

        await peer.SendAsync(NetCommands.Pong, Payloads.Ping(nonce));
        await peer.SyncWithPingAsync();
        Assert.NotNull(node.SinglePeer()!.PingTime);
    }

    [Fact]
    public async Task PingsRepeatEveryPingInterval()
    {
        var options = TestNode.DefaultOptions() with { PingInterval = TimeSpan.FromMilliseconds(200) };
        await using var node = TestNode.Start(options);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        for (var i = 0; i < 3; i++)
        {
            var ping = await peer.ReadUntilAsync(NetCommands.Ping);
            await peer.SendAsync(NetCommands.Pong, ping.Payload);
        }
    }

    [Fact]
    public async Task PeerThatNeverAnswersPingIsDroppedAfterTheTimeout()
    {
        var options = TestNode.DefaultOptions() with { InactivityTimeout = TimeSpan.FromMilliseconds(400) };
        await using var node = TestNode.Start(options);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        Assert.True(await peer.WaitForDisconnectAsync(TimeSpan.FromSeconds(3)));
    }
}
