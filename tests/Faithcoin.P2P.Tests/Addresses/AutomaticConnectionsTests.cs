using System.Net;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Net;
using Faithcoin.P2P.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin.Protocol;
using AddressManager = Faithcoin.P2P.Peers.AddressManager;

namespace Faithcoin.P2P.Tests.Addresses;

/// <summary>ThreadOpenConnections over loopback: addresses from the address manager are dialled, one per group.</summary>
public sealed class AutomaticConnectionsTests
{
    [Fact]
    public async Task OnlyOneOutboundPeerPerNetworkGroup()
    {
        // Two listeners on the same port, 127.0.0.1 and 127.0.0.2: both in the one group of local addresses.
        await using var first = TestNode.Start();
        var port = first.Endpoint.Port;
        await using var second = TestNode.Start(TestNode.DefaultOptions() with { Bind = [new IPEndPoint(IPAddress.Parse("127.0.0.2"), port)] });
        var addresses = new AddressManager { AcceptLocalAddresses = true };
        addresses.Add(
            [Entry(IPAddress.Loopback, port), Entry(IPAddress.Parse("127.0.0.2"), port)],
            IPAddress.Parse("8.8.8.8"));

        await using var client = Start(new P2POptions
        {
            Listen = false,
            Port = port,
            Connect = null,
            DnsSeed = false,
            MaintenanceInterval = TimeSpan.FromMilliseconds(100),
        }, addresses);

        Assert.True(await TestNode.EventuallyAsync(() => client.GetPeers() is [{ Kind: ConnectionKind.Outbound, HandshakeComplete: true }]));
        await Task.Delay(2000);

        Assert.Single(client.GetPeers());
        Assert.Equal(1, first.Node.GetPeers().Count + second.Node.GetPeers().Count);
        Assert.Equal(1, addresses.TriedCount);
    }

    [Fact]
    public async Task NothingIsDialledWithConnectGiven()
    {
        await using var server = TestNode.Start();
        var addresses = new AddressManager { AcceptLocalAddresses = true };
        addresses.Add([Entry(IPAddress.Loopback, server.Endpoint.Port)], IPAddress.Parse("8.8.8.8"));

        await using var client = Start(new P2POptions { Listen = false, Port = server.Endpoint.Port, Connect = [], DnsSeed = false }, addresses);
        await Task.Delay(1500);

        Assert.Empty(client.GetPeers());
        Assert.Empty(server.Node.GetPeers());
    }

    private static NetworkAddress Entry(IPAddress address, int port) =>
        new(address, port) { Time = DateTimeOffset.UtcNow, Services = NodeServices.Network };

    private static P2PNode Start(P2POptions options, AddressManager addresses)
    {
        var node = new P2PNode(options, ChainParams.Regtest, InMemoryChain.GenesisOnly(), NullLoggerFactory.Instance, addresses: addresses);
        node.Start();
        return node;
    }
}
