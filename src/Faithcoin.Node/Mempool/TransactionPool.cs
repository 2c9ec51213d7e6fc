using Faithcoin.Node.Mempool.Policy;
using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// The transaction memory pool's store (0.15's CTxMemPool): entries by txid, the outpoints they spend, the in-pool
/// parent/child links with ancestor and descendant aggregates, prioritisation deltas and the totals. It decides
/// nothing about validity: <see cref="MempoolAcceptor"/> checks a transaction before <see cref="Add"/>. Every member
/// takes <see cref="Gate"/>, which callers also hold around check-then-add sequences.
/// </summary>
public sealed partial class TransactionPool : IMempoolView
{
    private readonly Dictionary<uint256, MempoolEntry> entries = [];
    private readonly Dictionary<OutPoint, MempoolEntry> spenders = [];
    private readonly Dictionary<uint256, long> deltas = [];
    private readonly IReadOnlyList<IMempoolObserver> observers;
    private readonly RollingMinimumFee rollingFee;
    private long totalSize;
    private long usage;

    public TransactionPool(PolicySettings settings, IEnumerable<IMempoolObserver> observers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(observers);
        Settings = settings;
        this.observers = observers.ToArray();
        rollingFee = new RollingMinimumFee(settings.IncrementalRelayFee.SatoshisPerK, time);
    }

    /// <summary>The pool's lock; hold it to make a check and the add that follows one step.</summary>
    public Lock Gate { get; } = new();

    public PolicySettings Settings { get; }

    public int Count
    {
        get
        {
            lock (Gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>Bumped on every change, so getblocktemplate can tell whether its template is stale.</summary>
    public long TransactionsUpdated { get; private set; }

    public long DynamicUsage
    {
        get
        {
            lock (Gate)
            {
                return usage;
            }
        }
    }

    public bool Contains(uint256 txid)
    {
        lock (Gate)
        {
            return entries.ContainsKey(txid);
        }
    }

    public MempoolEntry? Find(uint256 txid)
    {
        lock (Gate)
        {
            return entries.GetValueOrDefault(txid);
        }
    }

    /// <summary>The pool transaction spending <paramref name="outpoint"/>, if any (mapNextTx).</summary>
    public MempoolEntry? FindSpender(OutPoint outpoint)
    {
        lock (Gate)
        {
            return spenders.GetValueOrDefault(outpoint);
        }
    }

    /// <summary>All entries, a copy taken under the lock.</summary>
    public IReadOnlyList<MempoolEntry> Snapshot()
    {
        lock (Gate)
        {
            return entries.Values.ToArray();
        }
    }

    /// <summary>
    /// Adds a checked entry whose in-pool ancestors are <paramref name="ancestors"/> (from
    /// <see cref="MempoolGraph.CalculateAncestors"/>); applies any prioritisation delta recorded for it.
    /// </summary>
    public void Add(MempoolEntry entry, IReadOnlyCollection<MempoolEntry> ancestors, bool validFeeEstimate)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(ancestors);
        lock (Gate)
        {
            if (deltas.TryGetValue(entry.Txid, out var delta))
            {
                entry.FeeDelta = delta;
                entry.AncestorFees += delta;
                entry.DescendantFees += delta;
            }

            entries.Add(entry.Txid, entry);
            foreach (var input in entry.Transaction.Inputs)
            {
                spenders[input.PrevOut] = entry;
                if (entries.TryGetValue(input.PrevOut.Hash, out var parent) && parent != entry)
                {
                    entry.Parents.Add(parent);
                    parent.Children.Add(entry);
                }
            }

            foreach (var ancestor in ancestors)
            {
                ancestor.DescendantCount += 1;
                ancestor.DescendantSize += entry.VirtualSize;
                ancestor.DescendantFees += entry.ModifiedFee;
                entry.AncestorCount += 1;
                entry.AncestorSize += ancestor.VirtualSize;
                entry.AncestorFees += ancestor.ModifiedFee;
            }

            totalSize += entry.VirtualSize;
            usage += entry.UsageEstimate;
            TransactionsUpdated++;
            foreach (var observer in observers)
            {
                observer.TransactionAdded(entry, validFeeEstimate);
            }
        }
    }

    /// <summary>
    /// Removes <paramref name="stage"/>. With <paramref name="updateDescendants"/> (a block confirmed them) the
    /// descendants that stay lose them from their ancestor aggregates; otherwise the stage must hold every descendant.
    /// </summary>
    public void RemoveStaged(IReadOnlyCollection<MempoolEntry> stage, bool updateDescendants, MempoolRemovalReason reason)
    {
        ArgumentNullException.ThrowIfNull(stage);
        lock (Gate)
        {
            var staged = stage as ISet<MempoolEntry> ?? stage.ToHashSet();
            foreach (var removed in stage)
            {
                foreach (var ancestor in MempoolGraph.Ancestors(removed))
                {
                    if (!staged.Contains(ancestor))
                    {
                        ancestor.DescendantCount -= 1;
                        ancestor.DescendantSize -= removed.VirtualSize;
                        ancestor.DescendantFees -= removed.ModifiedFee;
                    }
                }

                if (updateDescendants)
                {
                    foreach (var descendant in MempoolGraph.Descendants(removed))
                    {
                        if (!staged.Contains(descendant))
                        {
                            descendant.AncestorCount -= 1;
                            descendant.AncestorSize -= removed.VirtualSize;
                            descendant.AncestorFees -= removed.ModifiedFee;
                        }
                    }
                }
            }

            foreach (var removed in stage)
            {
                Unlink(removed, reason);
            }
        }
    }

    /// <summary>Removes the entry with this txid and everything that descends from it (removeRecursive).</summary>
    public void RemoveRecursive(uint256 txid, MempoolRemovalReason reason)
    {
        lock (Gate)
        {
            if (entries.TryGetValue(txid, out var entry))
            {
                RemoveStaged(MempoolGraph.DescendantsAndSelf(entry), false, reason);
            }
        }
    }

    /// <summary>prioritisetransaction: adds <paramref name="delta"/> satoshis to the txid's fee as mining sees it.</summary>
    public void Prioritise(uint256 txid, long delta)
    {
        lock (Gate)
        {
            deltas[txid] = deltas.GetValueOrDefault(txid) + delta;
            if (entries.TryGetValue(txid, out var entry))
            {
                entry.FeeDelta += delta;
                entry.AncestorFees += delta;
                entry.DescendantFees += delta;
                foreach (var ancestor in MempoolGraph.Ancestors(entry))
                {
                    ancestor.DescendantFees += delta;
                }

                foreach (var descendant in MempoolGraph.Descendants(entry))
                {
                    descendant.AncestorFees += delta;
                }
            }

            TransactionsUpdated++;
        }
    }

    public long GetDelta(uint256 txid)
    {
        lock (Gate)
        {
            return deltas.GetValueOrDefault(txid);
        }
    }

    /// <summary>The recorded prioritisation deltas (mempool.dat keeps them).</summary>
    public IReadOnlyDictionary<uint256, long> Deltas()
    {
        lock (Gate)
        {
            return new Dictionary<uint256, long>(deltas);
        }
    }

    /// <summary>The fee rate (per 1,000 vbytes) a transaction needs now under -maxmempool (GetMinFee).</summary>
    public long GetMinFee()
    {
        lock (Gate)
        {
            return rollingFee.Current(usage, Settings.MaxMempoolBytes);
        }
    }

    internal void NotifyBlock(int height, IReadOnlyList<MempoolEntry> confirmed)
    {
        foreach (var observer in observers)
        {
            observer.BlockProcessed(height, confirmed);
        }
    }

    private void Unlink(MempoolEntry removed, MempoolRemovalReason reason)
    {
        foreach (var parent in removed.Parents)
        {
            parent.Children.Remove(removed);
        }

        foreach (var child in removed.Children)
        {
            child.Parents.Remove(removed);
        }

        removed.Parents.Clear();
        removed.Children.Clear();
        foreach (var input in removed.Transaction.Inputs)
        {
            if (spenders.TryGetValue(input.PrevOut, out var spender) && spender == removed)
            {
                spenders.Remove(input.PrevOut);
            }
        }

        entries.Remove(removed.Txid);
        totalSize -= removed.VirtualSize;
        usage -= removed.UsageEstimate;
        TransactionsUpdated++;
        foreach (var observer in observers)
        {
            observer.TransactionRemoved(removed, reason);
        }
    }
}
