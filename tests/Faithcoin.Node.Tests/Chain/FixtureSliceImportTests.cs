using System.IO.Compression;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Tests.Chain;

/// <summary>The committed fixture slice (blocks 0-499 of the original's regtest chain) imported through the chain manager.</summary>
public sealed class FixtureSliceImportTests
{
    public static string SlicePath => Path.Combine(AppContext.BaseDirectory, "data", "fixture-slice.dat.gz");

    [Fact]
    [Trait("Category", "Slow")]
    public void ImportsTheSliceToItsTipWithTheUtxoSetOfAPlainReplayAndKeepsItAcrossARestart()
    {
        using var folder = new TempDirectory();
        var blocks = ReadSlice();
        var expectedTip = blocks[^1].GetHash();
        var expectedUtxo = Replay(blocks);

        List<KeyValuePair<OutPoint, Coin>> utxo;
        using (var node = ChainNode.Open(folder.Path, new ChainStateSettings { CheckBlockIndex = false, ScriptThreads = 2 }))
        {
            var loader = new ExternalBlockFileLoader(node.Chain, new ChainLog(NullLogger<ChainLog>.Instance));
            Assert.Equal(499, loader.Load(SlicePath, null, CancellationToken.None));
            Assert.Equal(499, node.Chain.Tip.Height);
            Assert.Equal(expectedTip, node.Chain.Tip.HashBlock);
            Assert.Equal(blocks.Sum(b => (long)b.Transactions.Count), node.Chain.Tip.ChainTransactionCount);
            utxo = node.Utxo();
            ChainNode.AssertSameUtxo(expectedUtxo, utxo);
        }

        using (var reopened = ChainNode.Open(folder.Path))
        {
            Assert.Equal(expectedTip, reopened.Chain.Tip.HashBlock);
            Assert.Equal(499, reopened.Chain.BestHeader.Height);
            ChainNode.AssertSameUtxo(utxo, reopened.Utxo());
            var block = reopened.Chain.ReadBlock(reopened.Chain.FindBlock(blocks[250].GetHash())!);
            Assert.Equal(blocks[250].GetHash(), block!.GetHash());
        }
    }

    [Fact]
    public void BlocksOutOfOrderWaitForTheirParent()
    {
        using var folder = new TempDirectory();
        var raw = ReadRaw().Take(60).ToList();

        // Swap blocks so several arrive before their parents, as a merged bootstrap file can have them.
        (raw[10], raw[20]) = (raw[20], raw[10]);
        (raw[30], raw[31]) = (raw[31], raw[30]);
        var path = folder.Combine("shuffled.dat");
        using (var file = File.Create(path))
        {
            foreach (var bytes in raw)
            {
                file.Write(ChainParams.Regtest.MessageStart.ToArray());
                file.Write(BitConverter.GetBytes(bytes.Length));
                file.Write(bytes);
            }
        }

        using var node = ChainNode.Open(folder.Combine("node"));
        var loader = new ExternalBlockFileLoader(node.Chain, new ChainLog(NullLogger<ChainLog>.Instance));
        loader.Load(path, null, CancellationToken.None);
        Assert.Equal(59, node.Chain.Tip.Height);
        Assert.Equal(0, loader.WaitingCount);
    }

    [Fact]
    public void ReindexChainStateRebuildsTheCoinsFromTheStoredBlocks()
    {
        using var folder = new TempDirectory();
        var blocks = ReadSlice().Take(150).ToList();
        List<KeyValuePair<OutPoint, Coin>> before;
        using (var node = ChainNode.Open(folder.Path))
        {
            node.SubmitAll(blocks.Skip(1));
            before = node.Utxo();
        }

        using (var rebuilt = ChainNode.Open(folder.Path, new ChainStateSettings { ReindexChainState = true, CheckBlockIndex = true, ScriptThreads = 1 }))
        {
            Assert.Equal(0, rebuilt.Chain.Tip.Height);
            rebuilt.Chain.ActivateBestChain();
            Assert.Equal(blocks[^1].GetHash(), rebuilt.Chain.Tip.HashBlock);
            ChainNode.AssertSameUtxo(before, rebuilt.Utxo());
        }
    }

    internal static List<byte[]> ReadRaw()
    {
        using var input = new GZipStream(File.OpenRead(SlicePath), CompressionMode.Decompress);
        var reader = new BlockRecordReader(input, SlicePath, ChainParams.Regtest.MessageStart.ToArray());
        var raw = new List<byte[]>();
        while (reader.TryReadNext(out var record))
        {
            raw.Add(record.Bytes.ToArray());
        }

        return raw;
    }

    internal static List<Block> ReadSlice() =>
        ReadRaw().Select(b => Block.Load(b, FaithcoinConsensusFactory.Instance)).ToList();

    /// <summary>The UTXO set from connecting the blocks in memory with the consensus library alone.</summary>
    private static List<KeyValuePair<OutPoint, Coin>> Replay(IReadOnlyList<Block> blocks)
    {
        var consensus = ChainParams.Regtest.Consensus;
        var connector = new BlockConnector(consensus, new BlockCheck());
        var rules = new BlockRuleSetProvider(consensus, new VersionBitsCache());
        var view = new MemoryCoinsView();
        ChainedHeader? previous = null;
        foreach (var block in blocks)
        {
            var context = BlockRuleContext.From(previous, rules.ForNextBlock(previous, block.Header.BlockTime.ToUnixTimeSeconds()));
            var cache = new CoinsViewCache(view);
            var result = connector.ConnectBlock(block, context, cache);
            Assert.Null(result.VerifySequentially());
            cache.Flush();
            previous = new ChainedHeader(block.Header, block.GetHash(), previous);
        }

        return view.Coins.ToList();
    }
}
