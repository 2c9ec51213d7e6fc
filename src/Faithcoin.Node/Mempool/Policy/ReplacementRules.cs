using System.Globalization;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// The BIP125 replacement rules of 0.15's AcceptToMemoryPool, on numbers the pool supplies, each returning the
/// original's reason, code and debug text. The pool calls them in this order: <see cref="CheckConflictReplaceable"/>
/// for each conflicting transaction, <see cref="CheckSpendsNoConflict"/> once ancestors are known,
/// <see cref="CheckFeeRatesAndCount"/>, <see cref="CheckNoNewUnconfirmedInputs"/>, then, with every transaction
/// that would be evicted (conflicts and their descendants) summed, <see cref="CheckPaysForReplacement"/>.
/// </summary>
public sealed class ReplacementRules(PolicySettings settings)
{
    /// <summary>A conflict is replaceable only with -mempoolreplacement and when the pool transaction opted in.</summary>
    public ValidationError? CheckConflictReplaceable(Transaction conflicting)
    {
        ArgumentNullException.ThrowIfNull(conflicting);
        return settings.EnableReplacement && Bip125.SignalsOptInRbf(conflicting)
            ? null
            : new ValidationError("txn-mempool-conflict", 0, RejectCode.Duplicate);
    }

    /// <summary>A replacement may not spend (through its in-pool ancestors) a transaction it replaces.</summary>
    public static ValidationError? CheckSpendsNoConflict(uint256 txid, IEnumerable<uint256> ancestors, IReadOnlySet<uint256> conflicts)
    {
        ArgumentNullException.ThrowIfNull(ancestors);
        ArgumentNullException.ThrowIfNull(conflicts);
        foreach (var ancestor in ancestors)
        {
            if (conflicts.Contains(ancestor))
            {
                return new ValidationError("bad-txns-spends-conflicting-tx", 10, RejectCode.Invalid, false, $"{txid} spends conflicting transaction {ancestor}");
            }
        }

        return null;
    }

    /// <summary>
    /// The new fee rate must beat each direct conflict's (the pool's fee rate may not drop), and the conflicts with
    /// their descendants may number at most 100, counted generously before the exact set is worked out.
    /// </summary>
    public static ValidationError? CheckFeeRatesAndCount(uint256 txid, long modifiedFee, long virtualSize, IReadOnlyList<ConflictingEntry> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        var newRate = PolicyFeeRate.FromFee(modifiedFee, virtualSize);
        long potentialEvictions = 0;
        foreach (var conflict in conflicts)
        {
            var oldRate = PolicyFeeRate.FromFee(conflict.ModifiedFee, conflict.VirtualSize);
            if (newRate <= oldRate)
            {
                return InsufficientFee($"rejecting replacement {txid}; new feerate {newRate} <= old feerate {oldRate}");
            }

            potentialEvictions += conflict.CountWithDescendants;
        }

        return potentialEvictions <= PolicyDefaults.MaxReplacementEvictions
            ? null
            : PolicyRejections.Nonstandard(
                "too many potential replacements",
                string.Create(CultureInfo.InvariantCulture, $"rejecting replacement {txid}; too many potential replacements ({potentialEvictions} > {PolicyDefaults.MaxReplacementEvictions})\n"));
    }

    /// <summary>
    /// Every input must spend a confirmed output or one of a transaction a conflict already spent from, so that a
    /// replacement never needs low-fee pool transactions mined first.
    /// </summary>
    public static ValidationError? CheckNoNewUnconfirmedInputs(Transaction replacement, IReadOnlyList<ConflictingEntry> conflicts, Func<uint256, bool> isInPool)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        ArgumentNullException.ThrowIfNull(conflicts);
        ArgumentNullException.ThrowIfNull(isInPool);
        var conflictParents = conflicts.SelectMany(c => c.Transaction.Inputs).Select(i => i.PrevOut.Hash).ToHashSet();
        for (var i = 0; i < replacement.Inputs.Count; i++)
        {
            var parent = replacement.Inputs[i].PrevOut.Hash;
            if (!conflictParents.Contains(parent) && isInPool(parent))
            {
                return PolicyRejections.Nonstandard(
                    "replacement-adds-unconfirmed",
                    string.Create(CultureInfo.InvariantCulture, $"replacement {replacement.GetHash()} adds unconfirmed input, idx {i}"));
            }
        }

        return null;
    }

    /// <summary>
    /// The replacement must pay at least the fees of everything it evicts, plus -incrementalrelayfee for its own
    /// virtual size, so the bandwidth of both is paid for.
    /// </summary>
    public ValidationError? CheckPaysForReplacement(uint256 txid, long modifiedFee, long virtualSize, long evictedFees)
    {
        if (modifiedFee < evictedFees)
        {
            return InsufficientFee(
                $"rejecting replacement {txid}, less fees than conflicting txs; {MoneyText.Format(modifiedFee)} < {MoneyText.Format(evictedFees)}");
        }

        var additional = modifiedFee - evictedFees;
        var required = settings.IncrementalRelayFee.GetFee(virtualSize);
        return additional < required
            ? InsufficientFee($"rejecting replacement {txid}, not enough additional fees to relay; {MoneyText.Format(additional)} < {MoneyText.Format(required)}")
            : null;
    }

    private static ValidationError InsufficientFee(string debug) => PolicyRejections.InsufficientFee("insufficient fee", debug);
}
