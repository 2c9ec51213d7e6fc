namespace Faithcoin.P2P.Net.Eviction;

/// <summary>
/// AttemptToEvictConnection's choice, a pure function of the candidates. Protected in turn: 4 by keyed netgroup
/// (an attacker cannot tell which groups), the 8 lowest minimum pings, the 4 that last sent new transactions,
/// the 4 that last sent new blocks, then the older half of the rest. From what is left, the netgroup with the
/// most peers (ties: the group with the youngest peer) loses its youngest peer. Null when nobody is left.
/// </summary>
public static class InboundEviction
{
    public static long? SelectVictim(IReadOnlyList<EvictionCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var remaining = candidates.ToList();
        ProtectLast(remaining, Comparer<EvictionCandidate>.Create((a, b) => a.KeyedNetGroup.CompareTo(b.KeyedNetGroup)), 4);
        ProtectLast(remaining, Comparer<EvictionCandidate>.Create((a, b) => PingTicks(b).CompareTo(PingTicks(a))), 8);
        ProtectLast(remaining, Comparer<EvictionCandidate>.Create(CompareTransactionTime), 4);
        ProtectLast(remaining, Comparer<EvictionCandidate>.Create(CompareBlockTime), 4);
        ProtectLast(remaining, Comparer<EvictionCandidate>.Create(YoungestFirst), remaining.Count / 2);
        if (remaining.Count == 0)
        {
            return null;
        }

        // remaining is sorted youngest first, so each group's first member is its youngest.
        var groups = new Dictionary<ulong, List<EvictionCandidate>>();
        ulong chosenGroup = 0;
        var mostPeers = 0;
        var mostPeersYoungest = DateTimeOffset.MinValue;
        foreach (var candidate in remaining)
        {
            if (!groups.TryGetValue(candidate.KeyedNetGroup, out var members))
            {
                members = [];
                groups[candidate.KeyedNetGroup] = members;
            }

            members.Add(candidate);
            var youngest = members[0].ConnectedAt;
            if (members.Count > mostPeers || (members.Count == mostPeers && youngest > mostPeersYoungest))
            {
                mostPeers = members.Count;
                mostPeersYoungest = youngest;
                chosenGroup = candidate.KeyedNetGroup;
            }
        }

        return groups[chosenGroup][0].Id;
    }

    // EraseLastKElements: sort ascending by the comparer and drop the last k, the best by that measure.
    private static void ProtectLast(List<EvictionCandidate> candidates, IComparer<EvictionCandidate> comparer, int count)
    {
        candidates.Sort(comparer);
        var protect = Math.Min(count, candidates.Count);
        candidates.RemoveRange(candidates.Count - protect, protect);
    }

    private static long PingTicks(EvictionCandidate candidate) => candidate.MinPing?.Ticks ?? long.MaxValue;

    private static long Ticks(DateTimeOffset? moment) => moment?.UtcTicks ?? 0;

    private static int YoungestFirst(EvictionCandidate a, EvictionCandidate b) => b.ConnectedAt.CompareTo(a.ConnectedAt);

    // Many peers never sent a transaction: then those that want transactions, then bloom peers, then the older, rank higher.
    private static int CompareTransactionTime(EvictionCandidate a, EvictionCandidate b)
    {
        if (Ticks(a.LastTransactionTime) != Ticks(b.LastTransactionTime))
        {
            return Ticks(a.LastTransactionTime).CompareTo(Ticks(b.LastTransactionTime));
        }

        if (a.RelayTransactions != b.RelayTransactions)
        {
            return a.RelayTransactions ? 1 : -1;
        }

        if (a.BloomFilter != b.BloomFilter)
        {
            return a.BloomFilter ? -1 : 1;
        }

        return YoungestFirst(a, b);
    }

    // Many peers never sent a block: then those with the services we want, then the older, rank higher.
    private static int CompareBlockTime(EvictionCandidate a, EvictionCandidate b)
    {
        if (Ticks(a.LastBlockTime) != Ticks(b.LastBlockTime))
        {
            return Ticks(a.LastBlockTime).CompareTo(Ticks(b.LastBlockTime));
        }

        if (a.RelevantServices != b.RelevantServices)
        {
            return a.RelevantServices ? 1 : -1;
        }

        return YoungestFirst(a, b);
    }
}
