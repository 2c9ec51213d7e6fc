using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Relay;

public sealed class GetBlocksTests
{
    [Fact]
    public async Task AnswersWithAnInvOfTheBlocksAfterTheLocatorStoppingBeforeHashStop()
    {
        var blocks = RegtestBlocks.Chain300;
        await using var node = TestNode.Start(chain: InMemoryChain.FromBlocks(blocks));
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.GetBlocks, Payloads.GetBlocks([blocks[0].GetHash()]));
        var all = Payloads.ReadInventory((await peer.ReadUntilAsync(NetCommands.Inv)).Payload);
        await peer.SendAsync(NetCommands.GetBlocks, Payloads.GetBlocks([blocks[100].GetHash(), blocks[0].GetHash()], blocks[110].GetHash()));
        var stopped = Payloads.ReadInventory((await peer.ReadUntilAsync(NetCommands.Inv)).Payload);

        Assert.Equal(blocks.Skip(1).Select(b => b.GetHash()), all.Select(i => i.Hash));
        Assert.All(all, i => Assert.Equal(InventoryType.MSG_BLOCK, i.Type));
        Assert.Equal(blocks.Skip(101).Take(9).Select(b => b.GetHash()), stopped.Select(i => i.Hash));
    }

    [Fact]
    public async Task AnswerIsCutAt500AndServingTheLastBlockAnnouncesTheTip()
    {
        var headers = RegtestHeaders.Chain2100;
        var chain = new InMemoryChain(headers);
        var factory = Consensus.Chain.ChainParams.Regtest.Network.Consensus.ConsensusFactory;
        var block500 = factory.CreateBlock();
        block500.Header = headers[500];
        chain.AddBlock(block500);
        await using var node = TestNode.Start(chain: chain);
        await using var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();

        await peer.SendAsync(NetCommands.GetBlocks, Payloads.GetBlocks([headers[0].GetHash()]));
        var inv = Payloads.ReadInventory((await peer.ReadUntilAsync(NetCommands.Inv)).Payload);
        await peer.SendAsync(NetCommands.GetData, Payloads.GetData(InventoryType.MSG_WITNESS_BLOCK, headers[500].GetHash()));
        await peer.ReadUntilAsync(NetCommands.Block);
        var next = Payloads.ReadInventory((await peer.ReadAsync()).Payload);

        Assert.Equal(500, inv.Count);
        Assert.Equal(headers[500].GetHash(), inv[^1].Hash);
        Assert.Equal([headers[2100].GetHash()], next.Select(i => i.Hash));
    }
}
