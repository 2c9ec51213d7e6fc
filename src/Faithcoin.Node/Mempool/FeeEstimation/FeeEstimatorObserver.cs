namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// Feeds the pool's events to the estimator as 0.15's CTxMemPool does: every entry on arrival, a block's confirmed
/// entries before they leave, and every removal (already untracked for confirmed ones, so only evictions count).
/// </summary>
public sealed class FeeEstimatorObserver(BlockPolicyEstimator estimator) : IMempoolObserver
{
    public void TransactionAdded(MempoolEntry entry, bool validFeeEstimate)
    {
        ArgumentNullException.ThrowIfNull(entry);
        estimator.ProcessTransaction(ToEstimator(entry), validFeeEstimate);
    }

    public void TransactionRemoved(MempoolEntry entry, MempoolRemovalReason reason)
    {
        ArgumentNullException.ThrowIfNull(entry);
        estimator.RemoveTransaction(entry.Txid, inBlock: false);
    }

    public void BlockProcessed(int height, IReadOnlyList<MempoolEntry> confirmed)
    {
        ArgumentNullException.ThrowIfNull(confirmed);
        estimator.ProcessBlock(height, confirmed.Select(ToEstimator).ToArray());
    }

    private static FeeEstimatorEntry ToEstimator(MempoolEntry entry) => new(entry.Txid, entry.Height, entry.Fee, entry.VirtualSize);
}
