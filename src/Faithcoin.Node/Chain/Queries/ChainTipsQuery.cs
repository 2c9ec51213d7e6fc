using Faithcoin.Node.Storage;

namespace Faithcoin.Node.Chain.Queries;

/// <summary>
/// 0.15's getchaintips: the active tip plus every block off the active chain that no other off-chain block builds on,
/// highest first (ties in the order the entries were created, where 0.15 compares pointers).
/// </summary>
public sealed class ChainTipsQuery(ChainManager chain)
{
    public IReadOnlyList<ChainTip> GetTips() => chain.ReadLocked(Collect);

    private static List<ChainTip> Collect(ChainReadContext context)
    {
        var active = context.Active;
        var offChain = new List<BlockIndexEntry>();
        var parents = new HashSet<BlockIndexEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in context.Index.Entries)
        {
            if (!active.Contains(entry))
            {
                offChain.Add(entry);
                if (entry.Previous is { } previous)
                {
                    parents.Add(previous);
                }
            }
        }

        var tips = offChain.Where(e => !parents.Contains(e)).ToList();
        if (active.Tip is { } activeTip)
        {
            tips.Add(activeTip);
        }

        return tips
            .OrderByDescending(e => e.Height)
            .ThenBy(e => e.CreationOrder)
            .Select(e => new ChainTip(e, e.Height - (active.FindFork(e)?.Height ?? -1), StatusOf(e, active)))
            .ToList();
    }

    private static string StatusOf(BlockIndexEntry entry, ActiveChain active)
    {
        if (active.Contains(entry))
        {
            return "active";
        }

        if (entry.IsFailed)
        {
            return "invalid";
        }

        if (entry.ChainTransactionCount == 0)
        {
            // The data of this block or of an ancestor is missing, so it cannot be connected.
            return "headers-only";
        }

        if (entry.IsValid(BlockStatus.ValidScripts))
        {
            return "valid-fork";
        }

        return entry.IsValid(BlockStatus.ValidTree) ? "valid-headers" : "unknown";
    }
}
