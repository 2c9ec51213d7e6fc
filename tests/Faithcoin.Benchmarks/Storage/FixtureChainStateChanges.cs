extern alias FaithcoinNode;

using System.Buffers;
using FaithcoinNode::Faithcoin.Node.Storage;
using NBitcoin;

using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Benchmarks.Storage;

/// <summary>
/// What connecting each fixture block does to the chain state, worked out once by replaying the outputs and spends
/// (no validation): coins created and spent in order, undo bytes, the index entry. Feeds a storage-only benchmark.
/// </summary>
public sealed class FixtureChainStateChanges
{
    private FixtureChainStateChanges(IReadOnlyList<BlockChanges> blocks)
    {
        Blocks = blocks;
    }

    public IReadOnlyList<BlockChanges> Blocks { get; }

    public static FixtureChainStateChanges Replay(FixtureBlocks fixture)
    {
        var live = new Dictionary<OutPoint, Coin>();
        var blocks = new List<BlockChanges>(fixture.Blocks.Count);
        var undo = new ArrayBufferWriter<byte>();
        long offset = 0;
        for (var height = 0; height < fixture.Blocks.Count; height++)
        {
            var bytes = fixture.Blocks[height];
            var block = Block.Load(bytes, Network.RegTest);
            var changes = new List<KeyValuePair<OutPoint, Coin?>>();
            undo.ResetWrittenCount();
            foreach (var tx in block.Transactions)
            {
                var isCoinbase = tx.IsCoinBase;
                if (!isCoinbase)
                {
                    foreach (var input in tx.Inputs)
                    {
                        if (live.Remove(input.PrevOut, out var spent))
                        {
                            CoinSerializer.Write(undo, spent);
                            changes.Add(new(input.PrevOut, null));
                        }
                    }
                }

                var txid = tx.GetHash();
                for (var n = 0; n < tx.Outputs.Count; n++)
                {
                    var output = tx.Outputs[n];
                    if (height == 0 || output.ScriptPubKey.IsUnspendable)
                    {
                        continue;
                    }

                    var coin = new Coin(output, height, isCoinbase);
                    var outPoint = new OutPoint(txid, n);
                    live[outPoint] = coin;
                    changes.Add(new(outPoint, coin));
                }
            }

            var position = new BlockFilePosition(0, offset + 8, bytes.Length);
            offset += 8 + bytes.Length;
            var index = new BlockIndexRecord(
                fixture.Hashes[height],
                bytes.AsMemory(0, 80),
                height,
                BlockStatus.ValidScripts | BlockStatus.HaveData | BlockStatus.HaveUndo,
                block.Transactions.Count,
                position);
            blocks.Add(new BlockChanges(index, changes, undo.WrittenSpan.ToArray(), new BlockFileCursor(0, offset)));
        }

        return new FixtureChainStateChanges(blocks);
    }

    public sealed record BlockChanges(
        BlockIndexRecord Index,
        IReadOnlyList<KeyValuePair<OutPoint, Coin?>> Coins,
        byte[] Undo,
        BlockFileCursor Cursor);
}
