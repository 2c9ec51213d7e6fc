using System.Net;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin.Protocol;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// -externalip through the real daemon: a peer is told our address, on our listening port; a peer that saw us
/// there raises its score (SeenLocal) and shows as addrlocal.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class SelfAdvertisementEndToEndTests
{
    private const string Address = "mkHS9ne12qx9pS9VojpwU5xtRd4T7X7ZUt";

    [Fact]
    public async Task APeerHearsTheExternalAddressOnTheListeningPort()
    {
        await using var node = await P2PNodeHandle.StartAsync("-externalip=1.2.3.4");

        // A recent tip ends initial download; 0.15 advertises only then.
        await node.ResultAsync("generatetoaddress", $"1, \"{Address}\"");
        await using var peer = await RawPeer.ConnectAsync(new IPEndPoint(IPAddress.Loopback, node.P2PPort));
        var expected = new IPEndPoint(IPAddress.Parse("1.2.3.4"), node.P2PPort);
        await peer.HandshakeAsync(seenAs: expected);

        await peer.ReadUntilAsync(NetCommands.Addr, message => Entries(message.Payload).Contains(expected), TimeSpan.FromSeconds(10));
        var local = Assert.Single((await node.ResultAsync("getnetworkinfo")).GetProperty("localaddresses").EnumerateArray());
        Assert.Equal("1.2.3.4", local.GetProperty("address").GetString());
        Assert.Equal(node.P2PPort, local.GetProperty("port").GetInt32());
        Assert.Equal(5, local.GetProperty("score").GetInt32()); // LOCAL_MANUAL, plus one for the peer that saw us there
        var seen = Assert.Single((await node.ResultAsync("getpeerinfo")).EnumerateArray());
        Assert.Equal($"1.2.3.4:{node.P2PPort}", seen.GetProperty("addrlocal").GetString());
    }

    [Fact]
    public async Task AnUnparsableExternalIpStopsStartup()
    {
        using var data = new TempDirectory();
        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync($"-datadir={data.Path}", "-regtest", "-externalip=1.2.3.4:notaport");
        Assert.Equal(1, exitCode);
        Assert.Contains("Cannot resolve -externalip address: '1.2.3.4:notaport'", stderr, StringComparison.Ordinal);
    }

    private static List<IPEndPoint> Entries(byte[] payload) =>
        new PayloadSerializer(ChainParams.Regtest.Network.Consensus.ConsensusFactory).Deserialize<AddrPayload>(payload).Addresses
            .Select(a => (IPEndPoint)a.Endpoint)
            .Select(e => new IPEndPoint(e.Address.IsIPv4MappedToIPv6 ? e.Address.MapToIPv4() : e.Address, e.Port))
            .ToList();
}
