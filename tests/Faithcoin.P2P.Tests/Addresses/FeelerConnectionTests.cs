using System.Net;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin.Protocol;
using AddressManager = Faithcoin.P2P.Peers.AddressManager;

namespace Faithcoin.P2P.Tests.Addresses;

/// <summary>Feelers: with the outbound slots full, an address from the new table is tested and moves to tried.</summary>
public sealed class FeelerConnectionTests
{
    [Fact]
    public async Task AFeelerCompletesTheHandshakeMarksTheAddressGoodAndLeaves()
    {
        await using var server = TestNode.Start();
        var addresses = NewTableWith(server.Endpoint);

        // No outbound slots: every round finds them full, so only feelers are made.
        await using var client = Start(FeelerOptions(server.Endpoint.Port), addresses);
        Assert.True(await TestNode.EventuallyAsync(() => addresses.TriedCount == 1, TimeSpan.FromSeconds(10)));

        // Nothing is left in the new table, so no further feeler: the connection count falls to zero and stays.
        Assert.Equal(0, addresses.NewCount);
        Assert.True(await TestNode.EventuallyAsync(() => server.Node.GetPeers().Count == 0 && client.GetPeers().Count == 0, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task NoFeelerIsMadeWithConnectGiven()
    {
        await using var server = TestNode.Start();
        var addresses = NewTableWith(server.Endpoint);

        await using var client = Start(FeelerOptions(server.Endpoint.Port) with { Connect = [] }, addresses);
        await Task.Delay(1500);

        Assert.Empty(server.Node.GetPeers());
        Assert.Equal(1, addresses.NewCount);
    }

    private static P2POptions FeelerOptions(int port) => new()
    {
        Listen = false,
        Port = port,
        Connect = null,
        DnsSeed = false,
        MaxOutbound = 0,
        FeelerInterval = TimeSpan.FromMilliseconds(200),
        MaintenanceInterval = TimeSpan.FromMilliseconds(100),
    };

    private static AddressManager NewTableWith(IPEndPoint endpoint)
    {
        var addresses = new AddressManager { AcceptLocalAddresses = true };
        addresses.Add(
            [new NetworkAddress(endpoint.Address, endpoint.Port) { Time = DateTimeOffset.UtcNow, Services = NodeServices.Network }],
            IPAddress.Parse("8.8.8.8"));
        Assert.Equal(1, addresses.NewCount);
        return addresses;
    }

    private static P2PNode Start(P2POptions options, AddressManager addresses)
    {
        var node = new P2PNode(options, ChainParams.Regtest, InMemoryChain.GenesisOnly(), NullLoggerFactory.Instance, addresses: addresses);
        node.Start();
        return node;
    }
}
