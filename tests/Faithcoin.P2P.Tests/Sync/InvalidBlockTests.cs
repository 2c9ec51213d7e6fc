using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Sync;

public sealed class InvalidBlockTests
{
    [Fact]
    public async Task PeerServingABlockThatDoesNotMatchItsHeaderIsRejectedAndBanned()
    {
        var blocks = RegtestBlocks.Chain300;
        var options = TestNode.DefaultOptions() with { BanLocalPeers = true };
        await using var syncing = TestNode.Start(options, HeadersFirstSyncTests.SyncingChain());
        await using var peer = await RawPeer.ConnectAsync(syncing.Endpoint);
        await peer.HandshakeAsync();
        await peer.ReadUntilAsync(NetCommands.GetHeaders);
        await peer.SendAsync(NetCommands.Headers, Payloads.Headers(blocks.Skip(1).Select(b => b.Header)));
        var request = Payloads.Serializer.Deserialize<GetDataPayload>((await peer.ReadUntilAsync(NetCommands.GetData)).Payload);

        await peer.SendAsync(NetCommands.Block, Payloads.Block(RegtestBlocks.WithWrongTransactions(blocks[1])));
        var reject = RejectMessageCodec.Read((await peer.ReadUntilAsync(NetCommands.Reject)).Payload);

        Assert.Equal(blocks[1].GetHash(), request.Inventory[0].Hash);
        Assert.Equal("bad-txnmrklroot", reject.Reason);
        Assert.Equal(blocks[1].GetHash(), reject.Hash);
        Assert.True(await peer.WaitForDisconnectAsync());
        Assert.Single(syncing.Node.BanList.GetEntries(DateTimeOffset.UtcNow));
        Assert.Equal(0, syncing.Chain.Tip.Height);
        Assert.True(await TestNode.EventuallyAsync(() => syncing.Node.Downloads.BlocksInFlight == 0));
    }
}
