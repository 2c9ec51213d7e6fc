using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;

namespace Faithcoin.Node.Tests.Storage.Pruning;

/// <summary>0.15's FindFilesToPrune and FindFilesToPruneManual choices on block file lists.</summary>
public sealed class PruningPlannerTests
{
    private const long MiB = 1024 * 1024;
    private const long FileSize = 128 * MiB;
    private static readonly long Buffer = PruningPlanner.Buffer(FileSize);

    // Ten full files of 1,000 blocks each, then the file being written.
    private static readonly PruningFile[] TenFiles =
        Enumerable.Range(0, 10).Select(n => new PruningFile(n, FileSize, (n + 1) * 1_000 - 1)).Append(new PruningFile(10, MiB, 10_500)).ToArray();

    [Fact]
    public void The_buffer_is_0_15s_block_and_undo_chunks_and_scales_down_for_small_files()
    {
        Assert.Equal(17 * MiB, Buffer);
        Assert.Equal((64 * 1024) + (4 * 1024), PruningPlanner.Buffer(64 * 1024));
    }

    [Fact]
    public void Automatic_pruning_deletes_the_oldest_files_until_usage_and_buffer_are_under_the_target()
    {
        var target = 550 * MiB;
        var chosen = PruningPlanner.Automatic(TenFiles, currentFile: 10, tipHeight: 10_500, pruneAfterHeight: 1_000, target, Buffer);

        var kept = TenFiles.Where(f => !chosen.Contains(f.FileNumber)).Sum(f => f.Size);
        Assert.Equal(Enumerable.Range(0, chosen.Count), chosen);
        Assert.True(kept + Buffer < target);
        Assert.True(kept + FileSize + Buffer >= target, "one file too many was deleted");
    }

    [Fact]
    public void Automatic_pruning_spares_files_with_the_last_288_blocks_the_current_file_and_short_chains()
    {
        // The tip is 100 blocks into file 9's range: file 8 (up to 8,999) holds blocks within 288 of it, so do 9 and 10.
        var chosen = PruningPlanner.Automatic(TenFiles, currentFile: 10, tipHeight: 9_100, pruneAfterHeight: 1_000, targetBytes: 1, Buffer);
        Assert.Equal(Enumerable.Range(0, 8), chosen);
        Assert.Empty(PruningPlanner.Automatic(TenFiles, currentFile: 10, tipHeight: 1_000, pruneAfterHeight: 1_000, targetBytes: 1, Buffer));
        Assert.Empty(PruningPlanner.Automatic(TenFiles, currentFile: 10, tipHeight: 10_500, pruneAfterHeight: 1_000, 2 * 1024 * MiB, Buffer));
    }

    [Fact]
    public void Manual_pruning_takes_files_whose_every_block_is_at_or_below_the_height()
    {
        Assert.Equal([0, 1, 2], PruningPlanner.Manual(TenFiles, currentFile: 10, tipHeight: 10_500, pruneHeight: 3_500));
        Assert.Equal([0, 1, 2], PruningPlanner.Manual(TenFiles, currentFile: 10, tipHeight: 10_500, pruneHeight: 2_999));
        Assert.Empty(PruningPlanner.Manual(TenFiles, currentFile: 10, tipHeight: 10_500, pruneHeight: 998));
        Assert.Equal(Enumerable.Range(0, 10), PruningPlanner.Manual(TenFiles, currentFile: 10, tipHeight: 10_500 + 288, pruneHeight: 20_000));
        Assert.Equal(Enumerable.Range(0, 9), PruningPlanner.Manual(TenFiles, currentFile: 10, tipHeight: 10_000, pruneHeight: 20_000));
    }

    [Fact]
    public void Pruning_starts_after_0_15s_heights()
    {
        Assert.Equal(100_000, PruningPlanner.PruneAfterHeight(ChainParams.Main));
        Assert.Equal(1_000, PruningPlanner.PruneAfterHeight(ChainParams.Regtest));
    }
}
