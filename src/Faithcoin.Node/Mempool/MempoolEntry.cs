using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// A transaction in the pool with what acceptance learnt about it (CTxMemPoolEntry). The in-pool links and
/// ancestor/descendant aggregates are kept by <see cref="TransactionPool"/> under its lock; nothing else mutates them.
/// Aggregates include the entry itself, as in 0.15.
/// </summary>
public sealed class MempoolEntry
{
    public MempoolEntry(Transaction transaction, long fee, long time, int height, long sigOpCost, int virtualSize)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        Transaction = transaction;
        Txid = transaction.GetHash();
        Fee = fee;
        Time = time;
        Height = height;
        SigOpCost = sigOpCost;
        VirtualSize = virtualSize;
        UsageEstimate = EstimateUsage(transaction);
        AncestorCount = DescendantCount = 1;
        AncestorSize = DescendantSize = virtualSize;
        AncestorFees = DescendantFees = fee;
    }

    public Transaction Transaction { get; }

    public uint256 Txid { get; }

    public long Fee { get; }

    /// <summary>prioritisetransaction's delta, in satoshis.</summary>
    public long FeeDelta { get; internal set; }

    public long ModifiedFee => Fee + FeeDelta;

    public long Time { get; }

    public int Height { get; }

    public long SigOpCost { get; }

    /// <summary>Sigop-adjusted virtual size (GetTxSize): what fee rates and limits are measured in.</summary>
    public int VirtualSize { get; }

    public long UsageEstimate { get; }

    internal HashSet<MempoolEntry> Parents { get; } = [];

    internal HashSet<MempoolEntry> Children { get; } = [];

    public long AncestorCount { get; internal set; }

    public long AncestorSize { get; internal set; }

    public long AncestorFees { get; internal set; }

    public long DescendantCount { get; internal set; }

    public long DescendantSize { get; internal set; }

    public long DescendantFees { get; internal set; }

    /// <summary>Memory estimate: the serialized transaction plus the per-entry overhead of the indexes.</summary>
    private static long EstimateUsage(Transaction transaction) =>
        transaction.GetSerializedSize() + 200 + (transaction.Inputs.Count * 96L) + (transaction.Outputs.Count * 64L);
}
