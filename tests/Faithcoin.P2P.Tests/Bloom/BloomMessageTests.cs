using Faithcoin.P2P.Protocol.Bloom;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P.Tests.Bloom;

/// <summary>filterload, filteradd and filterclear from a raw peer on a real node: 0.15's scores and disconnects.</summary>
public sealed class BloomMessageTests
{
    public static TheoryData<string, byte[], int> Messages => new()
    {
        { NetCommands.FilterLoad, BloomPeers.RawFilterLoad(BloomFilter.MaxSize, BloomFilter.MaxHashFunctions), 0 },
        { NetCommands.FilterLoad, BloomPeers.RawFilterLoad(BloomFilter.MaxSize + 1, 1), 100 },
        { NetCommands.FilterLoad, BloomPeers.RawFilterLoad(10, BloomFilter.MaxHashFunctions + 1), 100 },
        { NetCommands.FilterAdd, BloomPeers.FilterAdd(BloomFilterHandler.MaxElementSize), 0 },
        { NetCommands.FilterAdd, BloomPeers.FilterAdd(BloomFilterHandler.MaxElementSize + 1), 100 },
        { NetCommands.FilterClear, [], 0 },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task FilterMessagesCostWhat015Charges(string command, byte[] payload, int score)
    {
        await using var node = TestNode.Start(BloomPeers.Serving() with { BanScore = 1000 });
        await using var peer = await BloomPeers.ConnectAsync(node);
        if (command == NetCommands.FilterAdd)
        {
            await peer.SendAsync(NetCommands.FilterLoad, BloomPeers.FilterLoad(NBitcoin.uint256.One));
        }

        await peer.SendAsync(command, payload);
        await peer.SyncWithPingAsync();

        Assert.Equal(score, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task OversizedFilterGetsThePeerDisconnectedAtTheDefaultBanScore()
    {
        await using var node = TestNode.Start(BloomPeers.Serving());
        await using var peer = await BloomPeers.ConnectAsync(node);

        await peer.SendAsync(NetCommands.FilterLoad, BloomPeers.RawFilterLoad(BloomFilter.MaxSize + 1, 1));

        Assert.True(await peer.WaitForDisconnectAsync());
    }

    [Fact]
    public async Task FilterAddBeforeAnyFilterloadIsAcceptedAs015Does()
    {
        // 0.15 gives every peer a match-everything filter at connection, so there is always one to add to.
        await using var node = TestNode.Start(BloomPeers.Serving() with { BanScore = 1000 });
        await using var peer = await BloomPeers.ConnectAsync(node);

        await peer.SendAsync(NetCommands.FilterAdd, BloomPeers.FilterAdd(20));
        await peer.SyncWithPingAsync();

        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task WithoutBloomServiceNewPeersScore100AndOldOnesAreDropped()
    {
        await using var node = TestNode.Start(TestNode.DefaultOptions() with { BanScore = 1000 });
        await using var current = await BloomPeers.ConnectAsync(node);
        await using var old = await BloomPeers.ConnectAsync(node, ProtocolVersions.NoBloom - 1);

        await current.SendAsync(NetCommands.FilterAdd, BloomPeers.FilterAdd(20));
        await current.SyncWithPingAsync();
        await old.SendAsync(NetCommands.FilterLoad, BloomPeers.FilterLoad(NBitcoin.uint256.One));

        Assert.True(await old.WaitForDisconnectAsync());
        Assert.True(await TestNode.EventuallyAsync(() => node.Node.GetPeers().Count == 1));
        Assert.Equal(100, Assert.Single(node.Node.GetPeers()).Misbehaviour);
    }

    [Fact]
    public async Task FilterClearWithoutBloomServiceIsNoOffenceAndTurnsRelayOn()
    {
        await using var node = TestNode.Start(TestNode.DefaultOptions() with { BanScore = 1000 });
        await using var peer = await BloomPeers.ConnectAsync(node, relay: false);
        Assert.False(node.SinglePeer()!.RelayTransactions);

        await peer.SendAsync(NetCommands.FilterClear, []);
        await peer.SyncWithPingAsync();

        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
        Assert.True(node.SinglePeer()!.RelayTransactions);
        Assert.True(peer.Received.All(m => m.Command != NetCommands.Reject));
    }

    [Fact]
    public async Task TruncatedFilterloadIsRejectedAsMalformedWithoutPenalty()
    {
        await using var node = TestNode.Start(BloomPeers.Serving() with { BanScore = 1000 });
        await using var peer = await BloomPeers.ConnectAsync(node);

        await peer.SendAsync(NetCommands.FilterLoad, [0x05, 0xff]);
        var reject = await peer.ReadUntilAsync(NetCommands.Reject);

        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
        Assert.StartsWith(NetCommands.FilterLoad, System.Text.Encoding.ASCII.GetString(reject.Payload, 1, NetCommands.FilterLoad.Length));
    }
}
