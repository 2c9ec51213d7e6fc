using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Storage;

namespace Faithcoin.Node.Chain;

/// <summary>
/// Marks blocks failed and clears the marks (0.15's InvalidBlockFound / InvalidChainFound and the flag handling of
/// InvalidateBlock / ResetBlockFailureFlags). Unlike 0.15, which marks descendants lazily as the best-chain search
/// meets them, descendants are marked failed-child at once, so getchaintips and the index read the same at any time.
/// </summary>
internal sealed class FailedBlockMarker(ChainState state)
{
    /// <summary>InvalidBlockFound: the block broke a rule (not merely arrived corrupted).</summary>
    public void InvalidBlockFound(BlockIndexEntry entry, ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        MarkFailed(entry, BlockStatus.FailedValid);
        InvalidChainFound(entry);
    }

    /// <summary>Sets <paramref name="flag"/> on the block and failed-child on every descendant; none stays a candidate.</summary>
    public void MarkFailed(BlockIndexEntry entry, BlockStatus flag)
    {
        entry.Status |= flag;
        state.Index.MarkDirty(entry);
        state.Index.Candidates.Remove(entry);
        foreach (var descendant in state.Index.DescendantsOf(entry))
        {
            if (!descendant.Status.Has(BlockStatus.FailedChild))
            {
                descendant.Status |= BlockStatus.FailedChild;
                state.Index.MarkDirty(descendant);
            }

            // 0.15 leaves such a candidate in place and FindMostWorkChain records it as the best invalid block
            // when it meets the failed ancestor; marking at once must record it here.
            if (state.Index.Candidates.Remove(descendant) && !state.Active.Contains(descendant) &&
                (state.Index.BestInvalid is null || descendant.ChainWork > state.Index.BestInvalid.ChainWork))
            {
                state.Index.BestInvalid = descendant;
            }
        }

        var bestHeader = state.Index.BestHeader;
        if (bestHeader is not null && bestHeader.IsFailed)
        {
            // The best header is no longer a valid one; pick the best remaining, as a restart would.
            state.Index.ResetBestHeader(null);
            foreach (var candidate in state.Index.Entries)
            {
                state.Index.ConsiderBestHeader(candidate);
            }
        }
    }

    public void InvalidChainFound(BlockIndexEntry entry)
    {
        if (state.Index.BestInvalid is null || entry.ChainWork > state.Index.BestInvalid.ChainWork)
        {
            state.Index.BestInvalid = entry;
        }

        state.Log.InvalidChainFound(entry, state.Active.Tip);
        state.CheckForkWarnings();
    }

    /// <summary>ResetBlockFailureFlags: clears the marks of the block, its descendants and its ancestors.</summary>
    public void ResetFailureFlags(BlockIndexEntry entry)
    {
        var tip = state.Active.Tip;
        foreach (var other in state.Index.Entries)
        {
            if (!other.IsFailed || !other.DescendsFrom(entry))
            {
                continue;
            }

            other.Status &= ~BlockStatus.FailedMask;
            state.Index.MarkDirty(other);
            if (other.IsValid(BlockStatus.ValidTransactions) && other.ChainTransactionCount != 0 &&
                (tip is null || !BlockIndexWorkComparer.Instance.IsWorse(other, tip)))
            {
                state.Index.Candidates.Add(other);
            }

            if (ReferenceEquals(other, state.Index.BestInvalid))
            {
                state.Index.BestInvalid = null;
            }

            state.Index.ConsiderBestHeader(other);
        }

        for (var walk = entry.Previous; walk is not null; walk = walk.Previous)
        {
            if (walk.IsFailed)
            {
                walk.Status &= ~BlockStatus.FailedMask;
                state.Index.MarkDirty(walk);
                state.Index.ConsiderBestHeader(walk);
            }
        }
    }
}
