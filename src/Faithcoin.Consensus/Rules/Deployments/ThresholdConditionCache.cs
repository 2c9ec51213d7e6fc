using Faithcoin.Consensus.Chain;

namespace Faithcoin.Consensus.Rules.Deployments;

/// <summary>
/// The known states of one deployment, keyed (as Core's ThresholdConditionCache) by the last header of the
/// period before: the parent of a period's first block, whose state every block of that period shares.
/// Keys compare by reference, like Core's CBlockIndex pointers, so two branches never share an entry.
/// Not thread-safe: the owner guards it with the same lock as the block index.
/// </summary>
public sealed class ThresholdConditionCache
{
    private readonly Dictionary<ChainedHeader, ThresholdState> states = new(ReferenceEqualityComparer.Instance);

    public int Count => states.Count;

    public bool TryGet(ChainedHeader periodParent, out ThresholdState state) => states.TryGetValue(periodParent, out state);

    public void Set(ChainedHeader periodParent, ThresholdState state) => states[periodParent] = state;

    public void Clear() => states.Clear();
}
