using Faithcoin.Node.Mining;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// The order 0.15's addPackageTxs offers pool transactions to a block: repeatedly the package (an entry with its
/// not-yet-chosen ancestors) with the best ancestor fee rate, using modified fees (prioritisetransaction), parents
/// before children. Fee rates are recomputed for entries whose ancestors were already chosen. Packages whose
/// modified fee rate is below <paramref name="minFeePerKilobyte"/> stop the selection, as -blockmintxfee does.
/// Weight and sigop limits are left to <see cref="BlockAssembler"/>, which takes candidates in this order.
/// </summary>
public static class PackageSelector
{
    public static IReadOnlyList<BlockCandidate> Select(TransactionPool pool, long minFeePerKilobyte)
    {
        ArgumentNullException.ThrowIfNull(pool);
        lock (pool.Gate)
        {
            var remaining = pool.Snapshot().ToHashSet();
            var chosen = new HashSet<MempoolEntry>();
            var order = new List<BlockCandidate>();
            var queue = new PriorityQueue<MempoolEntry, Score>(remaining.Select(e => (e, Score.Of(e, chosen))));
            while (queue.TryDequeue(out var best, out var score))
            {
                if (chosen.Contains(best))
                {
                    continue;
                }

                var current = Score.Of(best, chosen);
                if (current != score)
                {
                    // Stale: an ancestor was chosen since this score was queued.
                    queue.Enqueue(best, current);
                    continue;
                }

                if (current.Fee * 1000 < minFeePerKilobyte * current.Size)
                {
                    break;
                }

                var package = MempoolGraph.Ancestors(best).Where(a => !chosen.Contains(a)).Append(best)
                    .OrderBy(e => e.AncestorCount).ToArray();
                foreach (var entry in package)
                {
                    chosen.Add(entry);
                    order.Add(new BlockCandidate(entry.Transaction, entry.Fee, entry.SigOpCost));
                }

                foreach (var descendant in package.SelectMany(MempoolGraph.Descendants).Where(d => !chosen.Contains(d)).Distinct())
                {
                    queue.Enqueue(descendant, Score.Of(descendant, chosen));
                }
            }

            return order;
        }
    }

    /// <summary>A package's modified fee and size; compares so the best fee rate dequeues first, then the smaller txid order.</summary>
    private readonly record struct Score(long Fee, long Size) : IComparable<Score>
    {
        public static Score Of(MempoolEntry entry, HashSet<MempoolEntry> chosen)
        {
            long fee = entry.ModifiedFee, size = entry.VirtualSize;
            foreach (var ancestor in MempoolGraph.Ancestors(entry).Where(a => !chosen.Contains(a)))
            {
                fee += ancestor.ModifiedFee;
                size += ancestor.VirtualSize;
            }

            return new Score(fee, size);
        }

        public int CompareTo(Score other)
        {
            // Higher fee rate first: compare fee/size by cross-multiplying, reversed.
            var left = (Int128)Fee * other.Size;
            var right = (Int128)other.Fee * Size;
            return right.CompareTo(left);
        }
    }
}
