using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// Walks of the pool's parent/child links and 0.15's CalculateMemPoolAncestors with its package limits. Callers
/// hold the pool's lock.
/// </summary>
public static class MempoolGraph
{
    /// <summary>Every in-pool ancestor of <paramref name="entry"/>, not the entry itself.</summary>
    public static HashSet<MempoolEntry> Ancestors(MempoolEntry entry) => Walk(entry, e => e.Parents);

    /// <summary>Every in-pool descendant of <paramref name="entry"/>, not the entry itself.</summary>
    public static HashSet<MempoolEntry> Descendants(MempoolEntry entry) => Walk(entry, e => e.Children);

    public static HashSet<MempoolEntry> DescendantsAndSelf(MempoolEntry entry)
    {
        var set = Descendants(entry);
        set.Add(entry);
        return set;
    }

    /// <summary>
    /// The in-pool ancestors a transaction not yet in the pool would have, checked against <paramref name="limits"/>;
    /// null with 0.15's message in <paramref name="error"/> when a limit is exceeded.
    /// </summary>
    public static HashSet<MempoolEntry>? CalculateAncestors(
        TransactionPool pool, Transaction tx, int virtualSize, MempoolLimits limits, out string? error)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(limits);
        error = null;
        var parents = new HashSet<MempoolEntry>();
        foreach (var input in tx.Inputs)
        {
            var parent = pool.Find(input.PrevOut.Hash);
            if (parent is not null)
            {
                parents.Add(parent);
                if (parents.Count + 1 > limits.AncestorCount)
                {
                    error = $"too many unconfirmed parents [limit: {limits.AncestorCount}]";
                    return null;
                }
            }
        }

        return CheckWalk(parents, virtualSize, limits, out error);
    }

    /// <summary>The same limits for an entry already linked in the pool (re-checks after a reorganisation).</summary>
    public static HashSet<MempoolEntry>? CalculateAncestors(MempoolEntry entry, MempoolLimits limits, out string? error)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return CheckWalk(entry.Parents, entry.VirtualSize, limits, out error);
    }

    private static HashSet<MempoolEntry>? CheckWalk(IEnumerable<MempoolEntry> parents, int virtualSize, MempoolLimits limits, out string? error)
    {
        error = null;
        var ancestors = new HashSet<MempoolEntry>();
        var pending = new Stack<MempoolEntry>(parents);
        long totalSize = virtualSize;
        while (pending.Count > 0)
        {
            var stage = pending.Pop();
            if (!ancestors.Add(stage))
            {
                continue;
            }

            totalSize += stage.VirtualSize;
            if (stage.DescendantSize + virtualSize > limits.DescendantSize)
            {
                error = $"exceeds descendant size limit for tx {stage.Txid} [limit: {limits.DescendantSize}]";
                return null;
            }

            if (stage.DescendantCount + 1 > limits.DescendantCount)
            {
                error = $"too many descendants for tx {stage.Txid} [limit: {limits.DescendantCount}]";
                return null;
            }

            if (totalSize > limits.AncestorSize)
            {
                error = $"exceeds ancestor size limit [limit: {limits.AncestorSize}]";
                return null;
            }

            foreach (var parent in stage.Parents)
            {
                if (!ancestors.Contains(parent))
                {
                    pending.Push(parent);
                }
            }

            if (ancestors.Count + pending.Count + 1 > limits.AncestorCount)
            {
                error = $"too many unconfirmed ancestors [limit: {limits.AncestorCount}]";
                return null;
            }
        }

        return ancestors;
    }

    private static HashSet<MempoolEntry> Walk(MempoolEntry start, Func<MempoolEntry, IEnumerable<MempoolEntry>> next)
    {
        var seen = new HashSet<MempoolEntry>();
        var pending = new Stack<MempoolEntry>(next(start));
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            if (seen.Add(e))
            {
                foreach (var n in next(e))
                {
                    pending.Push(n);
                }
            }
        }

        return seen;
    }
}
