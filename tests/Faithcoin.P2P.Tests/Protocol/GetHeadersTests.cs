using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Protocol;

public sealed class GetHeadersTests
{
    private static readonly IReadOnlyList<BlockHeader> Chain = RegtestHeaders.Chain2100;

    [Fact]
    public async Task AnswersWithAtMost2000HeadersAfterTheLocatorEachWithAZeroTxCount()
    {
        await using var node = TestNode.Start(chain: new InMemoryChain(Chain));
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.GetHeaders, Payloads.GetHeaders([Chain[0].GetHash()]));
        var payload = (await peer.ReadUntilAsync(NetCommands.Headers)).Payload;
        var headers = Payloads.ReadHeaders(payload);

        Assert.Equal(3 + (2000 * 81), payload.Length);
        Assert.Equal(2000, headers.Count);
        Assert.Equal(Chain[1].GetHash(), headers[0].GetHash());
        Assert.Equal(Chain[2000].GetHash(), headers[^1].GetHash());
        Assert.All(Enumerable.Range(0, 2000), i => Assert.Equal(0, payload[3 + (i * 81) + 80]));
    }

    [Fact]
    public async Task StopsAtHashStopAndAnswersEmptyAtTheTip()
    {
        await using var node = TestNode.Start(chain: new InMemoryChain(Chain.Take(50)));
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.GetHeaders, Payloads.GetHeaders([Chain[10].GetHash(), Chain[0].GetHash()], Chain[15].GetHash()));
        var stopped = Payloads.ReadHeaders((await peer.ReadUntilAsync(NetCommands.Headers)).Payload);
        await peer.SendAsync(NetCommands.GetHeaders, Payloads.GetHeaders([Chain[49].GetHash()]));
        var atTip = Payloads.ReadHeaders((await peer.ReadUntilAsync(NetCommands.Headers)).Payload);

        Assert.Equal(Enumerable.Range(11, 5).Select(i => Chain[i].GetHash()), stopped.Select(h => h.GetHash()));
        Assert.Empty(atTip);
    }

    [Fact]
    public async Task EmptyLocatorReturnsTheHashStopHeaderAlone()
    {
        await using var node = TestNode.Start(chain: new InMemoryChain(Chain.Take(50)));
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.GetHeaders, Payloads.GetHeaders([], Chain[20].GetHash()));
        var headers = Payloads.ReadHeaders((await peer.ReadUntilAsync(NetCommands.Headers)).Payload);

        Assert.Equal([Chain[20].GetHash()], headers.Select(h => h.GetHash()));
    }

    [Fact]
    public async Task HeadersComeBackAsFaithcoinHeadersWithScryptProofOfWork()
    {
        var mined = RegtestHeaders.Grind(3);
        await using var node = TestNode.Start(chain: new InMemoryChain(mined));
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.GetHeaders, Payloads.GetHeaders([mined[0].GetHash()]));
        var headers = Payloads.ReadHeaders((await peer.ReadUntilAsync(NetCommands.Headers)).Payload);

        Assert.All(headers, h => Assert.IsType<Consensus.Chain.FaithcoinBlockHeader>(h));
        Assert.All(headers, h => Assert.True(h.CheckProofOfWork()));
    }

    [Fact]
    public async Task NotAnsweredDuringInitialBlockDownload()
    {
        var chain = new InMemoryChain(Chain.Take(50)) { IsInitialBlockDownload = true };
        await using var node = TestNode.Start(chain: chain);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.GetHeaders, Payloads.GetHeaders([Chain[0].GetHash()]));
        await peer.SyncWithPingAsync();

        Assert.DoesNotContain(peer.Received, m => m.Command == NetCommands.Headers);
    }

    [Fact]
    public async Task AnsweredDuringInitialBlockDownloadForWhitelistedPeers()
    {
        var chain = new InMemoryChain(Chain.Take(50)) { IsInitialBlockDownload = true };
        var options = TestNode.DefaultOptions() with { Whitelist = [System.Net.IPNetwork.Parse("127.0.0.0/8")] };
        await using var node = TestNode.Start(options, chain);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.GetHeaders, Payloads.GetHeaders([Chain[0].GetHash()]));
        var headers = Payloads.ReadHeaders((await peer.ReadUntilAsync(NetCommands.Headers)).Payload);

        Assert.Equal(49, headers.Count);
    }
}
