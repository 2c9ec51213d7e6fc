using Faithcoin.Node.Storage;

namespace Faithcoin.Node.Chain;

/// <summary>
/// When the coins cache goes down to the database (0.15's FlushStateToDisk): when it passes its -dbcache budget,
/// periodically while blocks connect, and whenever asked (shutdown, gettxoutsetinfo). Block data and index entries
/// are committed as blocks arrive; the flush adds fsyncs so everything up to it also survives a power cut.
/// </summary>
internal sealed class ChainFlusher(ChainState state)
{
    public void FlushIfNeeded()
    {
        if (state.Coins.IsOverBudget || state.Time.GetUtcNow() - state.LastFlush > state.Settings.PeriodicFlushInterval)
        {
            Flush();
        }
    }

    public void Flush()
    {
        var coins = state.Coins.Cache.CachedCount;
        state.CommitIndex(WriteDurability.SurvivesProcessCrash);
        state.Store.Blocks.Flush();
        state.Coins.Database.Durability = WriteDurability.SurvivesPowerLoss;
        state.Coins.Flush();
        state.LastFlush = state.Time.GetUtcNow();
        state.Log.Message($"FlushStateToDisk: wrote {coins} coins ({state.Coins.Database.LastBatchBytes / 1024} KiB), best block {state.Coins.BestBlock}");
    }
}
