using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Sync;

public sealed class HeadersFirstSyncTests
{
    [Fact]
    public async Task NodeAtGenesisSyncsA300BlockChainHeadersFirstThenBlocks()
    {
        var blocks = RegtestBlocks.Chain300;
        await using var source = TestNode.Start(chain: InMemoryChain.FromBlocks(blocks));
        await using var syncing = TestNode.Start(chain: SyncingChain());

        Assert.True(await syncing.Node.ConnectAsync(source.Endpoint.ToString()));

        Assert.True(await syncing.WaitForTipAsync(blocks[^1].GetHash()));
        Assert.Equal(blocks[^1].GetHash(), syncing.Chain.BestHeader.HashBlock);
        Assert.Equal(300, syncing.Chain.AcceptedBlocks.Select(b => b.GetHash()).Distinct().Count());
        Assert.True(await TestNode.EventuallyAsync(() => syncing.Node.Downloads.BlocksInFlight == 0));
        Assert.Equal(0, syncing.SinglePeer()!.Misbehaviour);
        Assert.Equal(0, source.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task InitialGetHeadersStartsAtTheParentOfTheBestHeaderAndAFullAnswerAsksForMore()
    {
        var headers = RegtestHeaders.Grind(2000);
        await using var node = TestNode.Start(chain: SyncingChain());
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        var first = Payloads.Serializer.Deserialize<GetHeadersPayload>((await peer.ReadUntilAsync(NetCommands.GetHeaders)).Payload);
        await peer.SendAsync(NetCommands.Headers, Payloads.Headers(headers.Skip(1)));
        var next = Payloads.Serializer.Deserialize<GetHeadersPayload>((await peer.ReadUntilAsync(NetCommands.GetHeaders, wait: TimeSpan.FromSeconds(20))).Payload);

        // At genesis there is no parent, so the locator is genesis alone.
        Assert.Equal([headers[0].GetHash()], first.BlockLocators.Blocks);
        Assert.Equal(headers[2000].GetHash(), next.BlockLocators.Blocks[0]);
        Assert.Equal(headers[2000].GetHash(), node.Chain.BestHeader.HashBlock);
        Assert.Equal(0, node.SinglePeer()!.Misbehaviour);
    }

    [Fact]
    public async Task HeaderWithoutEnoughWorkScores50AndTheOnesBeforeItAreKept()
    {
        var mined = RegtestHeaders.Grind(4);
        await using var node = TestNode.Start(chain: SyncingChain());
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        // A connected run: two mined headers, then the third with its nonce spoiled.
        var bad = Payloads.Serializer.Deserialize<HeadersPayload>(Payloads.Headers([mined[3]])).Headers[0];
        while (bad.CheckProofOfWork())
        {
            bad.Nonce++;
        }

        await peer.SendAsync(NetCommands.Headers, Payloads.Headers([mined[1], mined[2], bad]));
        await peer.SyncWithPingAsync();

        Assert.Equal(50, node.SinglePeer()!.Misbehaviour);
        Assert.Equal(mined[2].GetHash(), node.Chain.BestHeader.HashBlock);
    }

    internal static InMemoryChain SyncingChain()
    {
        var chain = InMemoryChain.GenesisOnly();
        chain.IsInitialBlockDownload = true;
        return chain;
    }
}
