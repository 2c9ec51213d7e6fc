using System.Net;
using System.Net.Sockets;
using Faithcoin.P2P.Protocol.AddressRelay;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P.Tests.AddressRelay;

/// <summary>Our own address (-externalip) pushed to peers after the handshake, as 0.15's version handling and AdvertiseLocal do.</summary>
public sealed class SelfAdvertisementTests
{
    private static readonly IPEndPoint External = new(IPAddress.Parse("1.2.3.4"), 19444);

    [Fact]
    public async Task AnOutboundPeerIsToldOurExternalAddressAfterTheHandshake()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        await using var node = TestNode.Start(Advertising(External));

        var connecting = node.Node.ConnectAsync(listener.LocalEndPoint!.ToString()!);
        using var accepted = await listener.AcceptAsync().WaitAsync(RawPeer.DefaultWait);
        await using var remote = RawPeer.FromAccepted(accepted);
        Assert.True(await connecting);
        await remote.ReadUntilAsync(NetCommands.Version);
        await remote.SendVersionAsync();
        await remote.SendAsync(NetCommands.Verack, []);

        var addr = await remote.ReadUntilAsync(NetCommands.Addr, m => AddrTraffic.Read(m).Contains(External));
        var entry = Assert.Single(Payloads.Serializer.Deserialize<NBitcoin.Protocol.AddrPayload>(addr.Payload).Addresses);
        Assert.Equal((ulong)(ServiceFlags.Network | ServiceFlags.Witness), (ulong)entry.Services);
        Assert.InRange(entry.Time, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task AnInboundPeerHearsOurAddressAtTheFirstAddressBroadcast()
    {
        await using var node = TestNode.Start(Advertising(External));
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.ReadUntilAsync(NetCommands.Addr, m => AddrTraffic.Read(m).Contains(External));
    }

    [Fact]
    public async Task PrivateAddressesAndInitialDownloadAdvertiseNothing()
    {
        await using var privateNode = TestNode.Start(Advertising(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 19444)));
        var syncing = InMemoryChain.GenesisOnly();
        syncing.IsInitialBlockDownload = true;
        await using var syncingNode = TestNode.Start(Advertising(External), syncing);
        await using var first = await RawPeer.ConnectAsync(privateNode.Endpoint);
        await using var second = await RawPeer.ConnectAsync(syncingNode.Endpoint);
        await first.HandshakeAsync();
        await second.HandshakeAsync();

        var heard = await Task.WhenAll(AddrTraffic.CollectAsync(first, TimeSpan.FromSeconds(1.5)), AddrTraffic.CollectAsync(second, TimeSpan.FromSeconds(1.5)));

        Assert.All(heard, Assert.Empty);
        Assert.Empty(privateNode.Node.LocalAddresses.All);
    }

    [Fact]
    public void TheBestLocalAddressIsTheMostReachableThenTheBestScored()
    {
        var locals = new LocalAddresses(discover: false);
        var v6 = new IPEndPoint(IPAddress.Parse("2a01:4f8::1"), 9666);
        var low = new IPEndPoint(IPAddress.Parse("5.6.7.8"), 9666);

        Assert.False(locals.Add(new IPEndPoint(IPAddress.Parse("192.168.1.1"), 9666), LocalAddresses.ManualScore));
        Assert.False(locals.Add(new IPEndPoint(IPAddress.Parse("9.9.9.9"), 9666), LocalAddresses.InterfaceScore)); // discovery is off
        Assert.True(locals.Add(External, LocalAddresses.ManualScore));
        Assert.True(locals.Add(low, LocalAddresses.ManualScore));
        Assert.True(locals.Add(v6, LocalAddresses.ManualScore));
        Assert.True(locals.Seen(low));
        Assert.False(locals.Seen(new IPEndPoint(IPAddress.Parse("4.4.4.4"), 9666)));

        Assert.Equal((low, 5), locals.Best(IPAddress.Loopback));
        Assert.Equal(v6, locals.Best(IPAddress.Parse("2a00:1450::1"))!.Value.Endpoint);
    }

    private static P2POptions Advertising(IPEndPoint external) =>
        TestNode.DefaultOptions() with { AddressRelay = TestNode.DefaultOptions().AddressRelay with { ExternalAddresses = [external] } };
}
