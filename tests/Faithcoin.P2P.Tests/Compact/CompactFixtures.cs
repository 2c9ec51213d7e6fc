using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Protocol.Compact;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.Compact;

/// <summary>Blocks with transactions on top of <see cref="RegtestBlocks.Chain300"/>, and compact block messages for them.</summary>
internal static class CompactFixtures
{
    public static Block Tip => RegtestBlocks.Chain300[^1];

    /// <summary>Transactions with a witness (so txid and wtxid differ), each spending a fresh made-up output.</summary>
    public static List<Transaction> WitnessTransactions(int count)
    {
        var result = new List<Transaction>();
        for (var i = 0; i < count; i++)
        {
            var tx = PoolSink.Create(1000 + i);
            tx.Inputs[0].WitScript = new WitScript(Op.GetPushOp([(byte)i, 1, 2, 3]));
            result.Add(tx);
        }

        return result;
    }

    /// <summary>A mined block after <paramref name="previous"/> holding a coinbase and <paramref name="transactions"/>.</summary>
    public static Block MineWith(Block previous, int height, IEnumerable<Transaction> transactions, byte tag = 7)
    {
        var factory = ChainParams.Regtest.Network.Consensus.ConsensusFactory;
        var template = RegtestBlocks.Mine(previous, previous.Header.BlockTime.AddSeconds(RegtestBlocks.Spacing), height, tag);
        var block = factory.CreateBlock();
        block.Header.Version = template.Header.Version;
        block.Header.HashPrevBlock = template.Header.HashPrevBlock;
        block.Header.BlockTime = template.Header.BlockTime;
        block.Header.Bits = template.Header.Bits;
        block.Transactions.Add(template.Transactions[0]);
        block.Transactions.AddRange(transactions);
        block.UpdateMerkleRoot();
        while (!block.Header.CheckProofOfWork())
        {
            block.Header.Nonce++;
        }

        return block;
    }

    public static byte[] CompactBlock(Block block, ulong nonce = 42, bool useWtxid = true) =>
        Payloads.Serializer.Serialize(HeaderAndShortIds.FromBlock(block, useWtxid, nonce));

    public static HeaderAndShortIds ReadCompactBlock(byte[] payload) => Payloads.Serializer.Deserialize<HeaderAndShortIds>(payload);

    public static byte[] SendCmpct(bool announce, ulong version) =>
        Payloads.Serializer.Serialize(new SendCmpctPayload(announce) { Version = version });

    /// <summary>getheaders from our tip tells the node the peer has it, so a one-block announcement connects.</summary>
    public static async Task SyncTipAsync(RawPeer peer)
    {
        await peer.SendAsync(NetCommands.GetHeaders, Payloads.GetHeaders([Tip.GetHash()]));
        await peer.ReadUntilAsync(NetCommands.Headers);
    }

    /// <summary>A node serving Chain300 with the given pool, and a handshaken raw peer that speaks compact block version 2.</summary>
    public static async Task<(TestNode Node, RawPeer Peer)> StartAsync(PoolSink pool, P2POptions? options = null)
    {
        var node = TestNode.Start(options, InMemoryChain.FromBlocks(RegtestBlocks.Chain300), pool);
        var peer = await RawPeer.ConnectAsync(node.Endpoint);
        await peer.HandshakeAsync();
        await peer.SendAsync(NetCommands.SendCmpct, SendCmpct(false, 2));
        await peer.SendAsync(NetCommands.SendCmpct, SendCmpct(false, 1));
        await peer.SyncWithPingAsync();
        return (node, peer);
    }
}
