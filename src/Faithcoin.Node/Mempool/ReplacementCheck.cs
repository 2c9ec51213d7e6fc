using System.Globalization;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// BIP125 replace-by-fee as 0.15 applies it: the replacement must beat each directly conflicting entry's fee rate,
/// evict at most 100 entries, add no new unconfirmed inputs, and pay for everything it evicts plus its own relay
/// at the incremental relay fee. Reasons and texts are the original's.
/// </summary>
public sealed class ReplacementCheck(TransactionPool pool)
{
    /// <summary>maxDescendantsToVisit: the most entries one replacement may evict.</summary>
    public const int MaxReplacements = 100;

    /// <summary>SignalsOptInRBF: some input's sequence is below 0xfffffffe.</summary>
    public static bool SignalsReplaceability(Transaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx.Inputs.Any(i => (uint)i.Sequence < 0xfffffffe);
    }

    /// <summary>The entries the replacement evicts (conflicts and their descendants), or an error.</summary>
    public HashSet<MempoolEntry> Check(Transaction tx, MempoolEntry replacement, IReadOnlyCollection<MempoolEntry> conflicts, out ValidationError? error)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(replacement);
        ArgumentNullException.ThrowIfNull(conflicts);
        error = null;
        var txid = replacement.Txid;
        var newRate = FeeRates.PerKilobyte(replacement.ModifiedFee, replacement.VirtualSize);
        var conflictParents = new HashSet<uint256>();
        long conflictingCount = 0;
        foreach (var conflict in conflicts)
        {
            var oldRate = FeeRates.PerKilobyte(conflict.ModifiedFee, conflict.VirtualSize);
            if (newRate <= oldRate)
            {
                error = Insufficient($"rejecting replacement {txid}; new feerate {RateText(newRate)} <= old feerate {RateText(oldRate)}");
                return [];
            }

            foreach (var input in conflict.Transaction.Inputs)
            {
                conflictParents.Add(input.PrevOut.Hash);
            }

            conflictingCount += conflict.DescendantCount;
        }

        if (conflictingCount > MaxReplacements)
        {
            error = new ValidationError("too many potential replacements", 0, RejectCode.Nonstandard,
                Debug: $"rejecting replacement {txid}; too many potential replacements ({conflictingCount} > {MaxReplacements})\n");
            return [];
        }

        var evicted = new HashSet<MempoolEntry>();
        foreach (var conflict in conflicts)
        {
            evicted.UnionWith(MempoolGraph.DescendantsAndSelf(conflict));
        }

        var conflictingFees = evicted.Sum(e => e.ModifiedFee);
        for (var j = 0; j < tx.Inputs.Count; j++)
        {
            var parent = tx.Inputs[j].PrevOut.Hash;
            if (!conflictParents.Contains(parent) && pool.Contains(parent))
            {
                error = new ValidationError("replacement-adds-unconfirmed", 0, RejectCode.Nonstandard,
                    Debug: $"replacement {txid} adds unconfirmed input, idx {j}");
                return [];
            }
        }

        if (replacement.ModifiedFee < conflictingFees)
        {
            error = Insufficient($"rejecting replacement {txid}, less fees than conflicting txs; {Money(replacement.ModifiedFee)} < {Money(conflictingFees)}");
            return [];
        }

        var deltaFees = replacement.ModifiedFee - conflictingFees;
        var relayFee = FeeRates.FeeFor(pool.Settings.IncrementalRelayFeePerKilobyte, replacement.VirtualSize);
        if (deltaFees < relayFee)
        {
            error = Insufficient($"rejecting replacement {txid}, not enough additional fees to relay; {Money(deltaFees)} < {Money(relayFee)}");
            return [];
        }

        return evicted;
    }

    private static ValidationError Insufficient(string debug) =>
        new("insufficient fee", 0, RejectCode.InsufficientFee, Debug: debug);

    /// <summary>CFeeRate::ToString: "0.00010000 FAITH/kB" style, 8 decimals.</summary>
    private static string RateText(long perKilobyte) => $"{Money(perKilobyte)} FAITH/kB";

    /// <summary>FormatMoney: at least two decimals, trailing zeros beyond them trimmed.</summary>
    private static string Money(long amount)
    {
        var text = (Math.Abs(amount) / 100_000_000).ToString(CultureInfo.InvariantCulture) + "." +
            (Math.Abs(amount) % 100_000_000).ToString("D8", CultureInfo.InvariantCulture).TrimEnd('0').PadRight(2, '0');
        return amount < 0 ? "-" + text : text;
    }
}
