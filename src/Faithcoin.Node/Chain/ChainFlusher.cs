using Faithcoin.Node.Storage;

namespace Faithcoin.Node.Chain;

/// <summary>
/// When the coins cache goes down to the database (0.15's FlushStateToDisk): when it passes its -dbcache budget,
/// periodically while blocks connect, when prune mode has block files to delete, and whenever asked (shutdown,
/// gettxoutsetinfo, pruneblockchain). Block data and index entries are committed as blocks arrive; the flush adds
/// fsyncs so everything up to it also survives a power cut. Pruning comes last: the coins must be durable at the tip
/// before blocks they might need for a replay are deleted.
/// </summary>
internal sealed class ChainFlusher(ChainState state, PruningExecutor pruning)
{
    public void FlushIfNeeded()
    {
        var filesToPrune = pruning.FindFilesToPrune();
        if (filesToPrune.Count > 0 || state.Coins.IsOverBudget || state.Time.GetUtcNow() - state.LastFlush > state.Settings.PeriodicFlushInterval)
        {
            Flush(filesToPrune);
        }
    }

    public void Flush() => Flush(pruning.FindFilesToPrune());

    /// <summary>pruneblockchain: flushes and deletes the files whose blocks are all at or below <paramref name="height"/>.</summary>
    public void FlushAndPrune(int height) => Flush(pruning.FindFilesToPruneManual(height));

    private void Flush(IReadOnlyList<int> filesToPrune)
    {
        var coins = state.Coins.Cache.CachedCount;
        state.CommitIndex(WriteDurability.SurvivesProcessCrash);
        state.Store.Blocks.Flush();
        state.Coins.Database.Durability = WriteDurability.SurvivesPowerLoss;
        state.Coins.Flush();
        state.LastFlush = state.Time.GetUtcNow();
        state.Log.Message($"FlushStateToDisk: wrote {coins} coins ({state.Coins.Database.LastBatchBytes / 1024} KiB), best block {state.Coins.BestBlock}");
        pruning.Prune(filesToPrune);
    }
}
