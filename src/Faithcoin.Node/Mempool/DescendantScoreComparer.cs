namespace Faithcoin.Node.Mempool;

/// <summary>
/// 0.15's CompareTxMemPoolEntryByDescendantScore: an entry scores the better of its own fee rate and its package's
/// with descendants; the lowest is evicted first, and among equals the newest.
/// </summary>
public sealed class DescendantScoreComparer : IComparer<MempoolEntry>
{
    public static DescendantScoreComparer Instance { get; } = new();

    public int Compare(MempoolEntry? x, MempoolEntry? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var (xFee, xSize) = Score(x);
        var (yFee, ySize) = Score(y);
        var left = xFee * ySize;
        var right = yFee * xSize;
        if (left == right)
        {
            // Equal scores: the later arrival sorts first, so it is evicted first.
            return y.Time.CompareTo(x.Time);
        }

        return left < right ? -1 : 1;
    }

    private static (double Fee, double Size) Score(MempoolEntry e)
    {
        var useDescendants = (double)e.ModifiedFee * e.DescendantSize < (double)e.DescendantFees * e.VirtualSize;
        return useDescendants ? (e.DescendantFees, e.DescendantSize) : (e.ModifiedFee, e.VirtualSize);
    }
}
