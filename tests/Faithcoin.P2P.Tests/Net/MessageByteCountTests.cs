using Faithcoin.P2P.Net;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P.Tests.Net;

public sealed class MessageByteCountTests
{
    [Fact]
    public async Task BytesPerCommandCountHeaderAndPayloadAndUnknownCommandsAsOther()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync("madeup", new byte[5]);
        await peer.SendAsync("alsomadeup", new byte[1]);
        await peer.SyncWithPingAsync();
        var info = node.SinglePeer()!;
        var received = info.BytesReceivedPerMessage.ToDictionary(e => e.Key, e => e.Value);
        var sent = info.BytesSentPerMessage.ToDictionary(e => e.Key, e => e.Value);

        Assert.Equal(24 + 5 + 24 + 1, received[MessageByteCounters.Other]);
        Assert.Equal(24 + 8, received[NetCommands.Ping]);
        Assert.Equal(24, received[NetCommands.Verack]);
        Assert.True(received[NetCommands.Version] > 24 + 80);
        Assert.DoesNotContain("madeup", received.Keys);
        Assert.Equal(24 + 8, sent[NetCommands.Pong]);
        Assert.Equal(24, sent[NetCommands.Verack]);
        Assert.Equal(peer.Received.Where(m => m.Command == NetCommands.SendCmpct).Sum(m => 24 + m.Payload.Length), sent[NetCommands.SendCmpct]);
        Assert.Equal(info.BytesSentPerMessage.Select(e => e.Key).Order(StringComparer.Ordinal), info.BytesSentPerMessage.Select(e => e.Key));
    }
}
