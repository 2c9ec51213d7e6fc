namespace Faithcoin.Node.Mempool;

/// <summary>
/// What the pool tells others (0.15's TransactionAddedToMempool and the fee estimator's hooks): relay announces new
/// entries, fee estimation tracks them. Called under the pool's lock, so keep handlers short and never call back
/// into the pool from them.
/// </summary>
public interface IMempoolObserver
{
    /// <summary>An entry entered the pool; <paramref name="validFeeEstimate"/> is false for reorg re-adds and the like.</summary>
    void TransactionAdded(MempoolEntry entry, bool validFeeEstimate)
    {
    }

    void TransactionRemoved(MempoolEntry entry, MempoolRemovalReason reason)
    {
    }

    /// <summary>A block at <paramref name="height"/> confirmed these entries (in block order); called before their removal is reported.</summary>
    void BlockProcessed(int height, IReadOnlyList<MempoolEntry> confirmed)
    {
    }
}
