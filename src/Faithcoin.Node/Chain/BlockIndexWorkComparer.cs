namespace Faithcoin.Node.Chain;

/// <summary>
/// Core's CBlockIndexWorkComparator, ascending, so the best candidate is the set's maximum: more chain work is
/// better; on a tie the block whose data arrived first (lower sequence id) is better; last, the older entry.
/// </summary>
public sealed class BlockIndexWorkComparer : IComparer<BlockIndexEntry>
{
    public static readonly BlockIndexWorkComparer Instance = new();

    public int Compare(BlockIndexEntry? x, BlockIndexEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var work = x.ChainWork.CompareTo(y.ChainWork);
        if (work != 0)
        {
            return work;
        }

        if (x.SequenceId != y.SequenceId)
        {
            return x.SequenceId > y.SequenceId ? -1 : 1;
        }

        return x.CreationOrder > y.CreationOrder ? -1 : x.CreationOrder < y.CreationOrder ? 1 : 0;
    }

    /// <summary>True when <paramref name="x"/> is strictly worse than <paramref name="y"/>.</summary>
    public bool IsWorse(BlockIndexEntry x, BlockIndexEntry y) => Compare(x, y) < 0;
}
