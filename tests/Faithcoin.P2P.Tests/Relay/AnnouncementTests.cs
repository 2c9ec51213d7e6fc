using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Relay;

public sealed class AnnouncementTests
{
    [Fact]
    public async Task NewTipGoesAsHeadersToPeersThatSentSendHeadersAndAsInvToOthers()
    {
        var blocks = RegtestBlocks.Chain300;
        await using var node = TestNode.Start(chain: InMemoryChain.FromBlocks(blocks));
        await using var wantsHeaders = await RawPeer.ConnectAsync(node.Endpoint);
        await wantsHeaders.HandshakeAsync();
        await wantsHeaders.SendAsync(NetCommands.SendHeaders, []);

        // Learning our tip from getheaders is what lets a headers announcement connect for the peer.
        await wantsHeaders.SendAsync(NetCommands.GetHeaders, Payloads.GetHeaders([blocks[^1].GetHash()]));
        await wantsHeaders.ReadUntilAsync(NetCommands.Headers);
        await using var wantsInv = await RawPeer.ConnectAsync(node.Endpoint);
        await wantsInv.HandshakeAsync();
        await wantsInv.SyncWithPingAsync();

        var next = RegtestBlocks.Mine(blocks[^1], blocks[^1].Header.BlockTime.AddSeconds(RegtestBlocks.Spacing), 301, tag: 1);
        var result = await node.Chain.AcceptBlockAsync(next, forceProcessing: true, CancellationToken.None);

        Assert.Null(result.Error);
        var headers = Payloads.ReadHeaders((await wantsHeaders.ReadUntilAsync(NetCommands.Headers)).Payload);
        Assert.Equal([next.GetHash()], headers.Select(h => h.GetHash()));
        var inv = Payloads.ReadInventory((await wantsInv.ReadUntilAsync(NetCommands.Inv)).Payload);
        Assert.Equal([(InventoryType.MSG_BLOCK, next.GetHash())], inv.Select(i => (i.Type, i.Hash)));
        await wantsHeaders.SyncWithPingAsync();
        Assert.DoesNotContain(wantsHeaders.Received, m => m.Command == NetCommands.Inv);
    }

    [Fact]
    public async Task NothingIsAnnouncedDuringInitialDownload()
    {
        var blocks = RegtestBlocks.Chain300;
        var chain = InMemoryChain.FromBlocks(blocks);
        chain.IsInitialBlockDownload = true;
        await using var node = TestNode.Start(chain: chain);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        var next = RegtestBlocks.Mine(blocks[^1], blocks[^1].Header.BlockTime.AddSeconds(RegtestBlocks.Spacing), 301, tag: 2);
        await node.Chain.AcceptBlockAsync(next, forceProcessing: true, CancellationToken.None);
        await Task.Delay(300);
        await peer.SyncWithPingAsync();

        Assert.Equal(next.GetHash(), node.Chain.Tip.HashBlock);
        Assert.DoesNotContain(peer.Received, m => m.Command is NetCommands.Inv or NetCommands.Headers);
    }

    [Fact]
    public async Task BlockAnnouncedByInvIsFetchedHeadersFirst()
    {
        var blocks = RegtestBlocks.Chain300;
        await using var node = TestNode.Start(chain: InMemoryChain.FromBlocks(blocks.Take(300)));
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();
        await peer.SyncWithPingAsync();

        await peer.SendAsync(NetCommands.Inv, Payloads.Serializer.Serialize(
            new InvPayload(new InventoryVector(InventoryType.MSG_BLOCK, blocks[300].GetHash()))));
        var getHeaders = Payloads.Serializer.Deserialize<GetHeadersPayload>(
            (await peer.ReadUntilAsync(NetCommands.GetHeaders, m => Payloads.Serializer.Deserialize<GetHeadersPayload>(m.Payload).HashStop == blocks[300].GetHash())).Payload);
        await peer.SendAsync(NetCommands.Headers, Payloads.Headers([blocks[300].Header]));
        var getData = Payloads.Serializer.Deserialize<GetDataPayload>((await peer.ReadUntilAsync(NetCommands.GetData)).Payload);
        await peer.SendAsync(NetCommands.Block, Payloads.Block(blocks[300]));

        Assert.Equal(blocks[299].GetHash(), getHeaders.BlockLocators.Blocks[0]);
        Assert.Equal([blocks[300].GetHash()], getData.Inventory.Select(i => i.Hash));
        Assert.True(await node.WaitForTipAsync(blocks[300].GetHash()));
    }
}
