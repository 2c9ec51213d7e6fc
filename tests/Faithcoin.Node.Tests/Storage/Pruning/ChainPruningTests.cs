using Faithcoin.Node.Chain;
using Faithcoin.Node.Tests.Chain;
using static Faithcoin.Node.Tests.Chain.RegtestBlockBuilder;

namespace Faithcoin.Node.Tests.Storage.Pruning;

/// <summary>Pruning through a real ChainManager over RocksDB and 64 KiB block files in a temp folder.</summary>
public sealed class ChainPruningTests
{
    [Fact]
    public void Manual_pruning_deletes_whole_files_below_the_height_and_keeps_the_last_288_blocks()
    {
        using var folder = new TempDirectory();
        using var node = ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 1));
        node.SubmitAll(PrunedChain.Blocks);
        var before = PrunedChain.Files(node);
        Assert.True(before.Count >= 4, $"only {before.Count} block files");
        Assert.False(node.Chain.HavePruned);

        node.Chain.PruneBlockFilesManual(PrunedChain.Length);

        Assert.True(node.Chain.HavePruned);
        var after = PrunedChain.Files(node);
        Assert.Contains(0, before.Keys);
        Assert.DoesNotContain(0, after.Keys);
        Assert.Contains(before.Keys.Max(), after.Keys);
        var pruned = PrunedChain.AssertPrunedConsistently(node);
        Assert.NotEmpty(pruned);
        Assert.Equal(Enumerable.Range(1, pruned.Count), pruned.Select(e => e.Height));
        Assert.True(pruned[^1].Height <= PrunedChain.Length - PruningPlanner.MinBlocksToKeep);
        PrunedChain.AssertStoredFrom(node, PrunedChain.Length - PruningPlanner.MinBlocksToKeep);
    }

    [Fact]
    public void Manual_pruning_below_a_height_keeps_files_that_reach_above_it()
    {
        using var folder = new TempDirectory();
        using var node = ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 1));
        node.SubmitAll(PrunedChain.Blocks);
        var firstFileLast = node.Chain.Tip.GetAncestor(1)!.DataPosition!.Value.FileNumber;
        var heightInSecondFile = Enumerable.Range(1, PrunedChain.Length).First(h => node.Chain.Tip.GetAncestor(h)!.DataPosition!.Value.FileNumber > firstFileLast);

        node.Chain.PruneBlockFilesManual(heightInSecondFile);

        var pruned = PrunedChain.AssertPrunedConsistently(node);
        Assert.Equal(heightInSecondFile - 1, pruned.Count);
        PrunedChain.AssertStoredFrom(node, heightInSecondFile);
    }

    [Fact]
    public void Automatic_pruning_keeps_the_block_files_under_the_target_and_the_last_288_blocks()
    {
        const long target = 200 * 1024;
        using var folder = new TempDirectory();
        using var node = ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 550, targetBytes: target));
        node.SubmitAll(PrunedChain.Blocks);

        Assert.True(node.Chain.HavePruned);
        Assert.True(PrunedChain.Files(node).Values.Sum() <= target, $"{PrunedChain.Files(node).Values.Sum()} bytes of block files");
        Assert.NotEmpty(PrunedChain.AssertPrunedConsistently(node));
        PrunedChain.AssertStoredFrom(node, PrunedChain.Length - PruningPlanner.MinBlocksToKeep);
    }

    [Fact]
    public void Manual_mode_never_prunes_on_its_own()
    {
        using var folder = new TempDirectory();
        using var node = ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 1));
        node.SubmitAll(PrunedChain.Blocks);
        node.Chain.Flush();

        Assert.False(node.Chain.HavePruned);
        Assert.Empty(PrunedChain.AssertPrunedConsistently(node));
    }

    [Fact]
    public void A_restart_keeps_the_pruned_state_and_the_chain_goes_on_and_reorganizes_within_the_kept_blocks()
    {
        using var folder = new TempDirectory();
        int prunedCount;
        using (var node = ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 1)))
        {
            node.SubmitAll(PrunedChain.Blocks);
            node.Chain.PruneBlockFilesManual(PrunedChain.Length);
            prunedCount = PrunedChain.AssertPrunedConsistently(node).Count;
        }

        using (var node = ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 1)))
        {
            Assert.True(node.Chain.HavePruned);
            Assert.Equal(PrunedChain.Blocks[^1].GetHash(), node.Chain.Tip.HashBlock);
            Assert.Equal(prunedCount, PrunedChain.AssertPrunedConsistently(node).Count);

            // A heavier branch forking 10 blocks below the tip: disconnecting needs the kept undo data.
            var forkPoint = node.Chain.Tip.GetAncestor(PrunedChain.Length - 10)!;
            var branch = Extend(forkPoint, 12, tag: 7);
            node.SubmitAll(branch);
            Assert.Equal(branch[^1].GetHash(), node.Chain.Tip.HashBlock);
            node.SubmitAll(Extend(node.Chain.Tip, 3, tag: 7));
            Assert.Equal(PrunedChain.Length + 5, node.Chain.Tip.Height);
        }
    }

    [Fact]
    public void A_pruned_node_refuses_to_start_unpruned_or_replay_the_chain_state()
    {
        using var folder = new TempDirectory();
        using (var node = ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 1)))
        {
            node.SubmitAll(PrunedChain.Blocks);
            node.Chain.PruneBlockFilesManual(PrunedChain.Length);
        }

        var unpruned = Assert.Throws<InvalidOperationException>(() => ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 0)));
        Assert.Equal("You need to rebuild the database using -reindex to go back to unpruned mode.  This will redownload the entire blockchain", unpruned.Message);
        var replay = Assert.Throws<InvalidOperationException>(() => ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 1) with { ReindexChainState = true }));
        Assert.Contains("-reindex", replay.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Reindex_of_a_pruned_node_drops_the_files_after_the_gap_and_starts_again_from_genesis(int pruneMiB)
    {
        using var folder = new TempDirectory();
        using (var node = ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 1)))
        {
            node.SubmitAll(PrunedChain.Blocks);
            node.Chain.PruneBlockFilesManual(PrunedChain.Length);
        }

        using (var node = ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB) with { Reindex = true }))
        {
            Assert.False(node.Chain.HavePruned);
            Assert.Equal(0, node.Chain.Tip.Height);
            Assert.Equal([0], PrunedChain.Files(node).Keys);

            // The blocks come again (from peers in the daemon) and connect as on a new node.
            node.SubmitAll(PrunedChain.Blocks.Take(300));
            Assert.Equal(300, node.Chain.Tip.Height);
            PrunedChain.AssertStoredFrom(node, 1);
        }
    }

    [Fact]
    public void A_crash_between_the_index_commit_and_the_file_deletion_leaves_a_stray_file_the_next_prune_removes()
    {
        using var folder = new TempDirectory();
        var firstFile = Path.Combine(folder.Path, "blocks", "blk00000.dat");
        byte[] firstFileBytes;
        using (var node = ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 1)))
        {
            node.SubmitAll(PrunedChain.Blocks);
            firstFileBytes = File.ReadAllBytes(firstFile);
            node.Chain.PruneBlockFilesManual(PrunedChain.Length);
        }

        // The state a kill right after the durable index commit leaves: entries pruned, the file still there.
        File.WriteAllBytes(firstFile, firstFileBytes);
        using (var node = ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 1)))
        {
            var pruned = PrunedChain.AssertPrunedConsistently(node);
            Assert.Contains(pruned, e => e.Height == 1);
            Assert.Contains(0, PrunedChain.Files(node).Keys);

            node.Chain.PruneBlockFilesManual(PrunedChain.Length);
            Assert.DoesNotContain(0, PrunedChain.Files(node).Keys);
            Assert.Equal(pruned.Count, PrunedChain.AssertPrunedConsistently(node).Count);
        }
    }
}
