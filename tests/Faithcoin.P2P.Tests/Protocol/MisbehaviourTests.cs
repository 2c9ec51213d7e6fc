using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Protocol;

public sealed class MisbehaviourTests
{
    [Fact]
    public async Task InvWithMoreThan50000EntriesScores20()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.Inv, Payloads.InventoryList(50001));
        await peer.SendAsync(NetCommands.Inv, Payloads.InventoryList(50000));
        await peer.SyncWithPingAsync();

        Assert.Equal(20, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task GetDataWithMoreThan50000EntriesScores20()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.GetData, Payloads.InventoryList(50001));
        await peer.SyncWithPingAsync();

        Assert.Equal(20, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task AddrWithMoreThan1000EntriesScores20()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.Addr, Payloads.Addr(1001));
        await peer.SendAsync(NetCommands.Addr, Payloads.Addr(1000));
        await peer.SyncWithPingAsync();

        Assert.Equal(20, node.SinglePeer()!.Misbehaviour);
        Assert.InRange(node.Node.Addresses.Count, 1, 64); // one address group from one source fills one new bucket at most
    }

    [Fact]
    public async Task HeadersMessageOver2000Scores20()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.Headers, Payloads.Headers(RegtestHeaders.Chain2100.Skip(1).Take(2001)));
        await peer.SyncWithPingAsync();

        Assert.Equal(20, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task UnconnectingAnnouncementsAskForHeadersAndEveryTenthScores20()
    {
        var unknownParent = RegtestHeaders.Grind(2, after: RegtestHeaders.Chain2100[5]);
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        for (var i = 0; i < 9; i++)
        {
            await peer.SendAsync(NetCommands.Headers, Payloads.Headers([unknownParent[1]]));
            await peer.ReadUntilAsync(NetCommands.GetHeaders);
        }

        await peer.SyncWithPingAsync();
        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
        await peer.SendAsync(NetCommands.Headers, Payloads.Headers([unknownParent[1]]));
        await peer.SyncWithPingAsync();
        Assert.Equal(20, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task LongRunOfUnconnectedHeadersGetsTheChainsPrevBlockNotFoundScore()
    {
        var unknownParent = RegtestHeaders.Chain2100.Skip(20).Take(8);
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.Headers, Payloads.Headers(unknownParent));
        await peer.SyncWithPingAsync();

        Assert.Equal(10, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task NonContinuousHeadersScore20()
    {
        var mined = RegtestHeaders.Grind(3);
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.Headers, Payloads.Headers([mined[1], mined[3]]));
        await peer.SyncWithPingAsync();

        Assert.Equal(20, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task ConnectingHeadersAreAcceptedWithoutPenalty()
    {
        var mined = RegtestHeaders.Grind(5);
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.Headers, Payloads.Headers(mined.Skip(1)));
        await peer.SyncWithPingAsync();

        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
        Assert.Equal(mined[5].GetHash(), node.Chain.BestHeader.HashBlock);
    }

    [Fact]
    public async Task FilterLoadWithoutBloomServiceScores100()
    {
        await using var node = TestNode.Start();
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.FilterLoad, [0]);

        Assert.True(await peer.WaitForDisconnectAsync());
    }
}
