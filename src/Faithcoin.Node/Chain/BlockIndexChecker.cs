using Faithcoin.Node.Storage;

namespace Faithcoin.Node.Chain;

/// <summary>
/// -checkblockindex (0.15's CheckBlockIndex, the invariants that matter here): walks the whole tree after every
/// change and stops the node on the first broken invariant, as the original's asserts do. Regtest runs it by
/// default; it costs a walk of every entry per block, so turn it off for imports (-checkblockindex=0).
/// </summary>
internal sealed class BlockIndexChecker(ChainState state)
{
    public void Check()
    {
        var tip = state.Active.Tip;
        if (tip is null)
        {
            return;
        }

        // As 0.15, blocks of the active chain may lack data only once files were pruned.
        var havePruned = state.Store.Database.HavePruned();
        for (var height = 0; height <= state.Active.Height; height++)
        {
            var entry = state.Active[height]!;
            Require(entry.Height == height, entry, "the active chain is out of order");
            Require(height == 0 || ReferenceEquals(entry.Previous, state.Active[height - 1]), entry, "the active chain is not linked");
            Require(!entry.IsFailed, entry, "a failed block is on the active chain");
            Require(entry.IsValid(BlockStatus.ValidTransactions) && (entry.HaveData || havePruned), entry, "an active block lacks data or validity");
        }

        foreach (var entry in state.Index.Entries)
        {
            var previous = entry.Previous;
            Require(previous is null ? entry.Height == 0 : entry.Height == previous.Height + 1, entry, "height does not follow the parent");
            Require(previous is null || !previous.IsFailed || entry.IsFailed, entry, "the child of a failed block is not failed");
            var linked = entry.TransactionCount > 0 && (previous is null || previous.ChainTransactionCount != 0);
            Require(linked == (entry.ChainTransactionCount != 0), entry, "chain transaction count disagrees with the ancestors' data");
        }

        foreach (var candidate in state.Index.Candidates)
        {
            Require(!candidate.IsFailed, candidate, "a failed block is a candidate");
            Require(candidate.ChainTransactionCount != 0, candidate, "a candidate lacks ancestors' data");
            Require(!BlockIndexWorkComparer.Instance.IsWorse(candidate, tip), candidate, "a candidate is worse than the tip");
        }
    }

    private static void Require(bool condition, BlockIndexEntry entry, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"CheckBlockIndex: {problem} at {entry}");
        }
    }
}
