using Faithcoin.Node.Mempool.Policy;
using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// Transactions whose parents we have not seen (0.15's mapOrphanTransactions): kept for 20 minutes, at most
/// -maxorphantx of them (random eviction beyond), none heavier than a standard transaction (MAX_STANDARD_TX_WEIGHT), indexed by the outpoints
/// they spend so a newly accepted parent finds its waiting children.
/// </summary>
public sealed class OrphanPool(PolicySettings settings, TimeProvider time, Random random)
{
    /// <summary>ORPHAN_TX_EXPIRE_TIME.</summary>
    public static readonly TimeSpan ExpireTime = TimeSpan.FromMinutes(20);

    private readonly Lock gate = new();
    private readonly Dictionary<uint256, Orphan> orphans = [];
    private readonly Dictionary<OutPoint, HashSet<uint256>> byPrevout = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return orphans.Count;
            }
        }
    }

    public bool Contains(uint256 txid)
    {
        lock (gate)
        {
            return orphans.ContainsKey(txid);
        }
    }

    /// <summary>AddOrphanTx; false when already held or too heavy. The caller trims with <see cref="LimitSize"/>.</summary>
    public bool Add(Transaction tx, long peerId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var txid = tx.GetHash();
        lock (gate)
        {
            if (orphans.ContainsKey(txid) || TransactionSizes.Weight(tx) > PolicyDefaults.MaxStandardTxWeight)
            {
                return false;
            }

            orphans[txid] = new Orphan(tx, peerId, time.GetUtcNow() + ExpireTime);
            foreach (var input in tx.Inputs)
            {
                if (!byPrevout.TryGetValue(input.PrevOut, out var set))
                {
                    byPrevout[input.PrevOut] = set = [];
                }

                set.Add(txid);
            }

            return true;
        }
    }

    /// <summary>The orphans spending an output of <paramref name="parent"/>, with the peer that sent each.</summary>
    public IReadOnlyList<(Transaction Transaction, long PeerId)> ChildrenOf(Transaction parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var txid = parent.GetHash();
        lock (gate)
        {
            var found = new List<(Transaction, long)>();
            var seen = new HashSet<uint256>();
            for (var n = 0u; n < parent.Outputs.Count; n++)
            {
                if (byPrevout.TryGetValue(new OutPoint(txid, n), out var set))
                {
                    foreach (var child in set.Where(seen.Add))
                    {
                        found.Add((orphans[child].Transaction, orphans[child].PeerId));
                    }
                }
            }

            return found;
        }
    }

    public void Remove(uint256 txid)
    {
        lock (gate)
        {
            Erase(txid);
        }
    }

    /// <summary>EraseOrphansFor: a peer disconnected.</summary>
    public int RemoveForPeer(long peerId)
    {
        lock (gate)
        {
            var gone = orphans.Where(o => o.Value.PeerId == peerId).Select(o => o.Key).ToArray();
            foreach (var txid in gone)
            {
                Erase(txid);
            }

            return gone.Length;
        }
    }

    /// <summary>Orphans a block confirmed or made impossible (they spend an output the block spent).</summary>
    public void RemoveForBlock(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        lock (gate)
        {
            if (orphans.Count == 0)
            {
                return;
            }

            foreach (var tx in block.Transactions)
            {
                Erase(tx.GetHash());
                foreach (var input in tx.Inputs)
                {
                    if (byPrevout.TryGetValue(input.PrevOut, out var set))
                    {
                        foreach (var txid in set.ToArray())
                        {
                            Erase(txid);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// LimitOrphanTxSize: expired ones first, then random ones until within -maxorphantx. Returns how many were
    /// expired and how many evicted at random, for 0.15's two log lines.
    /// </summary>
    public (int Expired, int Evicted) LimitSize()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var expired = orphans.Where(o => o.Value.Expires <= now).Select(o => o.Key).ToArray();
            foreach (var txid in expired)
            {
                Erase(txid);
            }

            var evicted = 0;
            while (orphans.Count > settings.MaxOrphanTransactions)
            {
                Erase(orphans.Keys.ElementAt(random.Next(orphans.Count)));
                evicted++;
            }

            return (expired.Length, evicted);
        }
    }

    private void Erase(uint256 txid)
    {
        if (!orphans.Remove(txid, out var orphan))
        {
            return;
        }

        foreach (var input in orphan.Transaction.Inputs)
        {
            if (byPrevout.TryGetValue(input.PrevOut, out var set))
            {
                set.Remove(txid);
                if (set.Count == 0)
                {
                    byPrevout.Remove(input.PrevOut);
                }
            }
        }
    }

    private sealed record Orphan(Transaction Transaction, long PeerId, DateTimeOffset Expires);
}
