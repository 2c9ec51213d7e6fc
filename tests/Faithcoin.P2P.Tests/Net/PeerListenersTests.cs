using System.Net;
using System.Net.Sockets;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Net;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faithcoin.P2P.Tests.Net;

/// <summary>Listeners bound before the node has its chain: peers wait unread, then handshake once the node starts.</summary>
public sealed class PeerListenersTests
{
    [Fact]
    public async Task APeerThatConnectedBeforeTheNodeStartedCompletesTheHandshakeOnceItStarts()
    {
        var options = TestNode.DefaultOptions();
        var listeners = new PeerListeners(options, ChainParams.Regtest, NullLoggerFactory.Instance);
        listeners.Bind();
        await using var peer = await RawPeer.ConnectAsync(listeners.LocalEndpoints[0]);
        await peer.SendVersionAsync();

        var chain = new InMemoryChain(RegtestHeaders.Chain2100.Take(5));
        await using var node = new P2PNode(options, ChainParams.Regtest, chain, NullLoggerFactory.Instance, listeners: listeners);
        Assert.Empty(node.GetPeers());
        node.Start();

        var version = await peer.ReadAsync();
        var verack = await peer.ReadAsync();
        Assert.Equal(NetCommands.Version, version.Command);
        Assert.Equal(4, Faithcoin.P2P.Wire.Payloads.VersionMessageCodec.Read(version.Payload).StartHeight);
        Assert.Equal(NetCommands.Verack, verack.Command);
        Assert.Equal(listeners.LocalEndpoints, node.LocalEndpoints);
    }

    [Fact]
    public async Task ABoundPortHeldElsewhereStopsTheBindWith015sMessage()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var port = ((IPEndPoint)holder.LocalEndPoint!).Port;

        await using var listeners = new PeerListeners(TestNode.DefaultOptions(port), ChainParams.Regtest, NullLoggerFactory.Instance);
        var error = Assert.Throws<InvalidOperationException>(listeners.Bind);
        Assert.Equal("Failed to listen on any port. Use -listen=0 if you want this.", error.Message);
    }

    [Fact]
    public async Task BeyondTheInboundSlotsTheOldestWaitingConnectionIsClosed()
    {
        // 10 connections minus 8 outbound and 1 feeler leave one inbound slot.
        var options = TestNode.DefaultOptions() with { MaxConnections = 10 };
        await using var listeners = new PeerListeners(options, ChainParams.Regtest, NullLoggerFactory.Instance);
        listeners.Bind();
        await using var oldest = await RawPeer.ConnectAsync(listeners.LocalEndpoints[0]);
        await using var newest = await RawPeer.ConnectAsync(listeners.LocalEndpoints[0]);

        Assert.True(await oldest.WaitForDisconnectAsync());
        var handed = new TaskCompletionSource<Socket>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.Attach(s => handed.SetResult(s));
        using var survivor = await handed.Task.WaitAsync(RawPeer.DefaultWait);
        Assert.Equal(((IPEndPoint)survivor.RemoteEndPoint!).Port, newest.LocalEndPoint.Port);
    }

    [Fact]
    public async Task DisposingClosesTheConnectionsStillWaiting()
    {
        var listeners = new PeerListeners(TestNode.DefaultOptions(), ChainParams.Regtest, NullLoggerFactory.Instance);
        listeners.Bind();
        await using var peer = await RawPeer.ConnectAsync(listeners.LocalEndpoints[0]);
        await peer.SendVersionAsync();
        // Time for the accept loop to take it off the backlog, where closing the listener alone would reset it.
        await Task.Delay(200);

        await listeners.DisposeAsync();
        await listeners.DisposeAsync();
        Assert.True(await peer.WaitForDisconnectAsync());
        Assert.Empty(listeners.LocalEndpoints);
    }

    [Fact]
    public async Task WithListenOffNothingIsBound()
    {
        await using var listeners = new PeerListeners(TestNode.DefaultOptions() with { Listen = false }, ChainParams.Regtest, NullLoggerFactory.Instance);
        listeners.Bind();
        Assert.Empty(listeners.LocalEndpoints);
    }
}
