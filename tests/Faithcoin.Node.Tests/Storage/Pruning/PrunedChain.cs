using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Storage;
using Faithcoin.Node.Tests.Chain;
using NBitcoin;

namespace Faithcoin.Node.Tests.Storage.Pruning;

/// <summary>
/// A regtest chain long enough to prune (0.15 prunes regtest only past height 1,000), built once per test run, and
/// helpers that look at the block files and the index of a node storing it in 64 KiB files.
/// </summary>
internal static class PrunedChain
{
    public const int Length = 1_300;

    public const long SmallFileSize = 64 * 1024;

    private static readonly Lazy<List<Block>> LazyBlocks = new(() =>
    {
        var genesis = ChainParams.Regtest.CreateGenesisBlock();
        return RegtestBlockBuilder.Extend(new ChainedHeader(genesis.Header, genesis.GetHash(), null), Length);
    });

    public static IReadOnlyList<Block> Blocks => LazyBlocks.Value;

    public static ChainStateSettings Settings(long pruneMiB, long? targetBytes = null)
    {
        var settings = new ChainStateSettings { CheckBlockIndex = true, ScriptThreads = 1, PruneMiB = pruneMiB, MaxBlockFileSize = SmallFileSize };
        return targetBytes is { } target ? settings with { PruneTargetBytes = target } : settings;
    }

    public static string BlocksFolder(ChainNode node) => Path.Combine(node.Folder, "blocks");

    public static IReadOnlyDictionary<int, long> Files(ChainNode node) => BlockFileNames.Sizes(BlocksFolder(node));

    /// <summary>Every active block at or above <paramref name="height"/> has its data, is readable and has undo data (except genesis).</summary>
    public static void AssertStoredFrom(ChainNode node, int height)
    {
        for (var h = Math.Max(height, 1); h <= node.Chain.Tip.Height; h++)
        {
            var entry = node.Chain.Tip.GetAncestor(h)!;
            Assert.True(entry.HaveData, $"block {h} lost its data");
            Assert.True(entry.Status.HasFlag(BlockStatus.HaveUndo), $"block {h} lost its undo flag");
            Assert.NotNull(node.Chain.ReadBlock(entry));
            Assert.NotNull(node.Chain.Store.Database.GetUndo(entry.HashBlock));
        }
    }

    /// <summary>The active blocks without data: none may be readable or keep undo data, and their files are gone.</summary>
    public static List<BlockIndexEntry> AssertPrunedConsistently(ChainNode node)
    {
        var files = Files(node);
        var pruned = new List<BlockIndexEntry>();
        for (var h = 1; h <= node.Chain.Tip.Height; h++)
        {
            var entry = node.Chain.Tip.GetAncestor(h)!;
            if (entry.HaveData)
            {
                Assert.True(files.ContainsKey(entry.DataPosition!.Value.FileNumber), $"block {h} points at a deleted file");
                continue;
            }

            pruned.Add(entry);
            Assert.Null(entry.DataPosition);
            Assert.False(entry.Status.HasFlag(BlockStatus.HaveUndo));
            Assert.True(entry.TransactionCount > 0);
            Assert.Null(node.Chain.ReadBlock(entry));
            Assert.Null(node.Chain.ReadBlockBytes(entry));
            Assert.Null(node.Chain.Store.Database.GetUndo(entry.HashBlock));
        }

        return pruned;
    }
}
