using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Sync;

public sealed class StallingTests
{
    [Fact]
    public async Task PeerHoldingTheWindowBackIsDroppedAndSyncCompletesFromAnother()
    {
        var blocks = RegtestBlocks.Chain300;
        var options = TestNode.DefaultOptions() with { BlockDownloadWindow = 32 };
        await using var syncing = TestNode.Start(options, HeadersFirstSyncTests.SyncingChain());
        await using var source = TestNode.Start(chain: InMemoryChain.FromBlocks(blocks));

        // The staller answers getheaders, takes the first sixteen blocks' requests and never delivers.
        await using var staller = await RawPeer.ConnectAsync(syncing.Endpoint);
        await staller.HandshakeAsync();
        await staller.ReadUntilAsync(NetCommands.GetHeaders);
        await staller.SendAsync(NetCommands.Headers, Payloads.Headers(blocks.Skip(1).Select(b => b.Header)));
        var request = Payloads.Serializer.Deserialize<GetDataPayload>((await staller.ReadUntilAsync(NetCommands.GetData)).Payload);
        Assert.Equal(16, request.Inventory.Count);
        Assert.All(request.Inventory, i => Assert.Equal(InventoryType.MSG_WITNESS_BLOCK, i.Type));
        Assert.Equal(blocks[1].GetHash(), request.Inventory[0].Hash);

        Assert.True(await source.Node.ConnectAsync(syncing.Endpoint.ToString()));

        Assert.True(await staller.WaitForDisconnectAsync(TimeSpan.FromSeconds(10)));
        Assert.True(await syncing.WaitForTipAsync(blocks[^1].GetHash()));
        Assert.True(source.Chain.ServedBlocks >= 300);
    }
}
