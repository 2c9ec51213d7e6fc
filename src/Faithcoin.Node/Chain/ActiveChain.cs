namespace Faithcoin.Node.Chain;

/// <summary>
/// The active chain as an array from genesis to the tip (Core's CChain). Owned by the chain manager's writer;
/// readers work from a published tip and its ancestors instead, so they never see a half-moved array.
/// </summary>
public sealed class ActiveChain
{
    private readonly List<BlockIndexEntry> blocks = [];

    public BlockIndexEntry? Tip => blocks.Count == 0 ? null : blocks[^1];

    public BlockIndexEntry? Genesis => blocks.Count == 0 ? null : blocks[0];

    /// <summary>Height of the tip; -1 when empty.</summary>
    public int Height => blocks.Count - 1;

    public BlockIndexEntry? this[int height] => height >= 0 && height < blocks.Count ? blocks[height] : null;

    public bool Contains(BlockIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ReferenceEquals(this[entry.Height], entry);
    }

    /// <summary>The block after <paramref name="entry"/> on this chain, or null at the tip or off the chain.</summary>
    public BlockIndexEntry? Next(BlockIndexEntry entry) => Contains(entry) ? this[entry.Height + 1] : null;

    /// <summary>Makes <paramref name="tip"/> the tip, rewriting only the heights above the fork.</summary>
    public void SetTip(BlockIndexEntry? tip)
    {
        if (tip is null)
        {
            blocks.Clear();
            return;
        }

        if (blocks.Count > tip.Height + 1)
        {
            blocks.RemoveRange(tip.Height + 1, blocks.Count - tip.Height - 1);
        }

        var kept = blocks.Count;
        while (blocks.Count < tip.Height + 1)
        {
            blocks.Add(tip);
        }

        for (var walk = tip; walk is not null; walk = walk.Previous)
        {
            if (walk.Height < kept && ReferenceEquals(blocks[walk.Height], walk))
            {
                break;
            }

            blocks[walk.Height] = walk;
        }
    }

    /// <summary>The last block of this chain that is also an ancestor of <paramref name="entry"/> (or it).</summary>
    public BlockIndexEntry? FindFork(BlockIndexEntry? entry)
    {
        if (entry is null)
        {
            return null;
        }

        if (entry.Height > Height)
        {
            entry = entry.GetAncestor(Height);
        }

        while (entry is not null && !Contains(entry))
        {
            entry = entry.Previous;
        }

        return entry;
    }
}
