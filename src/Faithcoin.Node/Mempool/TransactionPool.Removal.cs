using Faithcoin.Node.Mempool.Policy;
using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>The pool's removals driven from outside acceptance: blocks, reorganisations, size and age limits.</summary>
public sealed partial class TransactionPool
{
    /// <summary>
    /// removeForBlock: the block's transactions leave the pool (their children stay, one ancestor fewer), pool
    /// transactions spending the same outputs leave with their descendants, and their prioritisations are forgotten.
    /// The fee estimator sees the confirmed entries first.
    /// </summary>
    public void RemoveForBlock(IReadOnlyList<Transaction> transactions, int height)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        lock (Gate)
        {
            var confirmed = new List<MempoolEntry>();
            foreach (var tx in transactions)
            {
                if (entries.TryGetValue(tx.GetHash(), out var entry))
                {
                    confirmed.Add(entry);
                }
            }

            NotifyBlock(height, confirmed);
            foreach (var tx in transactions)
            {
                var txid = tx.GetHash();
                if (entries.TryGetValue(txid, out var entry))
                {
                    RemoveStaged([entry], true, MempoolRemovalReason.Block);
                }

                foreach (var input in tx.Inputs)
                {
                    if (spenders.TryGetValue(input.PrevOut, out var conflict) && conflict.Txid != txid)
                    {
                        RemoveStaged(MempoolGraph.DescendantsAndSelf(conflict), false, MempoolRemovalReason.Conflict);
                    }
                }

                deltas.Remove(txid);
            }

            rollingFee.NoteBlock();
        }
    }

    /// <summary>
    /// UpdateTransactionsFromBlock: after a reorganisation re-added <paramref name="readded"/>, links pool entries that
    /// already spent their outputs as children and recomputes the aggregates of everything connected to them.
    /// </summary>
    public void RelinkAfterReorg(IReadOnlyCollection<MempoolEntry> readded)
    {
        ArgumentNullException.ThrowIfNull(readded);
        lock (Gate)
        {
            var affected = new HashSet<MempoolEntry>();
            foreach (var entry in readded.Where(e => entries.ContainsKey(e.Txid)))
            {
                for (var n = 0u; n < entry.Transaction.Outputs.Count; n++)
                {
                    if (spenders.TryGetValue(new OutPoint(entry.Txid, n), out var child) && child != entry)
                    {
                        entry.Children.Add(child);
                        child.Parents.Add(entry);
                    }
                }
            }

            foreach (var entry in readded.Where(e => entries.ContainsKey(e.Txid)))
            {
                affected.UnionWith(MempoolGraph.DescendantsAndSelf(entry));
                affected.UnionWith(MempoolGraph.Ancestors(entry));
            }

            foreach (var entry in affected)
            {
                var ancestors = MempoolGraph.Ancestors(entry);
                entry.AncestorCount = 1 + ancestors.Count;
                entry.AncestorSize = entry.VirtualSize + ancestors.Sum(a => (long)a.VirtualSize);
                entry.AncestorFees = entry.ModifiedFee + ancestors.Sum(a => a.ModifiedFee);
                var descendants = MempoolGraph.Descendants(entry);
                entry.DescendantCount = 1 + descendants.Count;
                entry.DescendantSize = entry.VirtualSize + descendants.Sum(d => (long)d.VirtualSize);
                entry.DescendantFees = entry.ModifiedFee + descendants.Sum(d => d.ModifiedFee);
            }
        }
    }

    /// <summary>
    /// Evicts the lowest descendant-score packages until the pool fits <paramref name="sizeLimit"/> bytes of memory,
    /// raising the rolling minimum fee above each evicted package (TrimToSize). Returns how many were removed.
    /// </summary>
    public int TrimToSize(long sizeLimit)
    {
        lock (Gate)
        {
            var removedCount = 0;
            while (usage > sizeLimit && entries.Count > 0)
            {
                var worst = entries.Values.MinBy(e => e, DescendantScoreComparer.Instance)!;
                rollingFee.TrackPackageRemoved(PolicyFeeRate.FromFee(worst.DescendantFees, worst.DescendantSize).SatoshisPerK);
                var stage = MempoolGraph.DescendantsAndSelf(worst);
                removedCount += stage.Count;
                RemoveStaged(stage, false, MempoolRemovalReason.SizeLimit);
            }

            return removedCount;
        }
    }

    /// <summary>Removes entries that entered before <paramref name="cutoff"/> (Unix seconds), with their descendants.</summary>
    public int Expire(long cutoff)
    {
        lock (Gate)
        {
            var stage = new HashSet<MempoolEntry>();
            foreach (var entry in entries.Values.Where(e => e.Time < cutoff))
            {
                stage.UnionWith(MempoolGraph.DescendantsAndSelf(entry));
            }

            RemoveStaged(stage, false, MempoolRemovalReason.Expiry);
            return stage.Count;
        }
    }
}
