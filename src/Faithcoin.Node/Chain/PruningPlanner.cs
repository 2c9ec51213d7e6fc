using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Chain;

/// <summary>
/// Which block files to delete (0.15's FindFilesToPrune and FindFilesToPruneManual). Files go whole and only
/// finished ones: never the file blocks are appended to, never one holding any of the last 288 blocks of the tip.
/// </summary>
internal static class PruningPlanner
{
    /// <summary>MIN_BLOCKS_TO_KEEP: a peer reorganizing this deep can still be served, and undo data for it is kept.</summary>
    public const int MinBlocksToKeep = 288;

    /// <summary>
    /// 0.15 keeps a buffer of one block-file chunk (16 MiB) plus one undo-file chunk (1 MiB) under the target, since
    /// usage is checked only after the files grew by a chunk. Undo data lives in the database here but grows in step
    /// with the blocks, so the same allowance is kept; with files smaller than a chunk (-fastprune) it scales down.
    /// </summary>
    public static long Buffer(long maxBlockFileSize) =>
        Math.Min(BlockFileChunkSize, maxBlockFileSize) + Math.Min(UndoFileChunkSize, maxBlockFileSize / 16);

    public const long UndoFileChunkSize = 1L * 1024 * 1024;

    /// <summary>BLOCKFILE_CHUNK_SIZE: automatic pruning is considered each time the block files grow by this much.</summary>
    public const long BlockFileChunkSize = 16L * 1024 * 1024;

    /// <summary>CChainParams::PruneAfterHeight: below it the chain is too short to prune.</summary>
    public static int PruneAfterHeight(ChainParams chainParams)
    {
        ArgumentNullException.ThrowIfNull(chainParams);
        return chainParams.Name == "main" ? 100_000 : 1_000;
    }

    /// <summary>Files to delete, oldest first, until the usage (plus the buffer) is under the target.</summary>
    public static IReadOnlyList<int> Automatic(IReadOnlyList<PruningFile> files, int currentFile, int tipHeight, int pruneAfterHeight, long targetBytes, long buffer)
    {
        ArgumentNullException.ThrowIfNull(files);
        var chosen = new List<int>();
        if (tipHeight <= pruneAfterHeight)
        {
            return chosen;
        }

        var lastPrunable = tipHeight - MinBlocksToKeep;
        var usage = files.Sum(f => f.Size);
        foreach (var file in files.OrderBy(f => f.FileNumber))
        {
            if (usage + buffer < targetBytes)
            {
                break;
            }

            if (file.FileNumber >= currentFile || file.Size == 0 || file.HeightLast > lastPrunable)
            {
                continue;
            }

            chosen.Add(file.FileNumber);
            usage -= file.Size;
        }

        return chosen;
    }

    /// <summary>Files whose every block is at or below <paramref name="pruneHeight"/>, and below the kept window.</summary>
    public static IReadOnlyList<int> Manual(IReadOnlyList<PruningFile> files, int currentFile, int tipHeight, int pruneHeight)
    {
        ArgumentNullException.ThrowIfNull(files);
        var lastPrunable = Math.Min(pruneHeight, tipHeight - MinBlocksToKeep);
        return files
            .Where(f => f.FileNumber < currentFile && f.Size > 0 && f.HeightLast <= lastPrunable)
            .Select(f => f.FileNumber)
            .Order()
            .ToArray();
    }
}
