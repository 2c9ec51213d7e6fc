using Faithcoin.Node.Storage;
using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// Deletes block files in prune mode (0.15's PruneOneBlockFile and UnlinkPrunedFiles, driven from the flush). The
/// pruned blocks lose their data flags and undo data in one durable commit before any file is deleted, so a
/// killed process can leave a stray file but never an index entry pointing at a deleted block.
/// </summary>
internal sealed class PruningExecutor(ChainState state)
{
    private (int File, long Chunk) lastChecked = (-1, -1);

    /// <summary>Automatic pruning's files (0.15 checks once the block files grew by a chunk); empty when not due.</summary>
    public IReadOnlyList<int> FindFilesToPrune()
    {
        var settings = state.Settings;
        if (!settings.PruneMode || settings.PruneTargetBytes == long.MaxValue || state.Active.Tip is not { } tip || state.Store.Database.IsReindexing())
        {
            return [];
        }

        var cursor = state.Store.Blocks.Cursor;
        var position = (cursor.FileNumber, cursor.Offset / Math.Min(PruningPlanner.BlockFileChunkSize, settings.MaxBlockFileSize));
        if (position == lastChecked)
        {
            return [];
        }

        lastChecked = position;
        return PruningPlanner.Automatic(CollectFiles(), cursor.FileNumber, tip.Height, PruningPlanner.PruneAfterHeight(state.Params), settings.PruneTargetBytes, PruningPlanner.Buffer(settings.MaxBlockFileSize));
    }

    /// <summary>pruneblockchain's files: those whose blocks are all at or below <paramref name="height"/>.</summary>
    public IReadOnlyList<int> FindFilesToPruneManual(int height)
    {
        if (!state.Settings.PruneMode || height <= 0 || state.Active.Tip is not { } tip)
        {
            return [];
        }

        return PruningPlanner.Manual(CollectFiles(), state.Store.Blocks.Cursor.FileNumber, tip.Height, height);
    }

    /// <summary>Clears the data of every block stored in <paramref name="files"/>, commits that durably, then deletes the files.</summary>
    public void Prune(IReadOnlyList<int> files)
    {
        if (files.Count == 0)
        {
            return;
        }

        var fileSet = files.ToHashSet();
        var prunedBlocks = new List<uint256>();
        foreach (var entry in state.Index.Entries)
        {
            if (entry.DataPosition is { } position && fileSet.Contains(position.FileNumber) && entry.HaveData)
            {
                entry.Status &= ~(BlockStatus.HaveData | BlockStatus.HaveUndo);
                entry.DataPosition = null;
                state.Index.MarkDirty(entry);
                state.Index.RemoveUnlinked(entry);
                prunedBlocks.Add(entry.HashBlock);
            }
        }

        state.Store.CommitPruned(state.Index.TakeDirty(), prunedBlocks);
        foreach (var file in files)
        {
            try
            {
                state.Store.Blocks.DeleteFile(file);
                state.Log.Message($"Prune: UnlinkPrunedFiles deleted blk ({file:D5})");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The index no longer points into the file; a leftover only costs space, as in 0.15.
                state.Log.Failure($"Prune: cannot delete blk{file:D5}.dat: {e.Message}");
            }
        }

        state.Log.Message($"Prune: removed {files.Count} block files holding {prunedBlocks.Count} blocks");
    }

    /// <summary>The lowest height from which the active chain has every block's data (getblockchaininfo's pruneheight).</summary>
    public static int FirstHeightWithData(BlockIndexEntry tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        var block = tip;
        while (block.Previous is { HaveData: true } previous)
        {
            block = previous;
        }

        return block.Height;
    }

    private List<PruningFile> CollectFiles()
    {
        var heightLast = new Dictionary<int, int>();
        foreach (var entry in state.Index.Entries)
        {
            if (entry.HaveData && entry.DataPosition is { } position)
            {
                heightLast[position.FileNumber] = Math.Max(heightLast.GetValueOrDefault(position.FileNumber), entry.Height);
            }
        }

        return BlockFileNames.Sizes(state.Store.BlocksDirectory)
            .Select(pair => new PruningFile(pair.Key, pair.Value, heightLast.GetValueOrDefault(pair.Key)))
            .ToList();
    }
}
