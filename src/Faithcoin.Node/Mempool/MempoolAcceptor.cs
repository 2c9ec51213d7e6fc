using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Consensus.Rules.Transactions;
using Faithcoin.Consensus.Scripting;
using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Mempool.Policy;
using NBitcoin;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// 0.15's AcceptToMemoryPoolWorker: consensus and policy checks in the original's order, so the first failing
/// check gives the reject reason the original reports, then replacement of conflicts and the add. Runs under the
/// chain lock (the tip and coins cannot move) and the pool's lock.
/// </summary>
public sealed class MempoolAcceptor(
    ChainManager chain,
    TransactionPool pool,
    PolicySettings policy,
    TimeProvider time)
{
    private static readonly TransactionCheck ContextFree = new();
    private readonly StandardTransactionCheck standard = new(policy);
    private readonly FeeChecks feeChecks = new(policy);
    private readonly ReplacementRules replacement = new(policy);

    /// <param name="absurdFee">sendrawtransaction's -maxtxfee guard in satoshis; 0 for none.</param>
    /// <param name="bypassLimits">Re-adding a disconnected block's transactions: no fee floor, no package limits.</param>
    /// <param name="acceptTime">The entry time to record (mempool.dat keeps the original's); now when null.</param>
    public MempoolAcceptResult Accept(Transaction tx, long absurdFee = 0, bool bypassLimits = false, long? acceptTime = null)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var now = acceptTime ?? time.GetUtcNow().ToUnixTimeSeconds();
        return chain.ReadLocked(context =>
        {
            lock (pool.Gate)
            {
                return AcceptLocked(context, tx, absurdFee, bypassLimits, now);
            }
        });
    }

    private MempoolAcceptResult AcceptLocked(ChainReadContext context, Transaction tx, long absurdFee, bool bypassLimits, long now)
    {
        var consensus = chain.ChainParams.Consensus;
        var tip = context.Active.Tip!;
        var txid = tx.GetHash();
        var error = ContextFree.Check(tx);
        if (error is not null)
        {
            return MempoolAcceptResult.Reject(error);
        }

        if (tx.IsCoinBase)
        {
            return MempoolAcceptResult.Reject("coinbase", RejectCode.Invalid, 100);
        }

        var witnessEnabled = context.VersionBits(consensus).IsActive(tip, DeploymentId.Segwit);
        error = StandardTransactionCheck.CheckWitnessAllowed(tx, witnessEnabled)
            ?? (policy.RequireStandard ? standard.Check(tx, witnessEnabled) : null);
        if (error is not null)
        {
            return MempoolAcceptResult.Reject(error);
        }

        var medianTimePast = tip.GetMedianTimePast();
        if (!TransactionFinality.IsFinal(tx, tip.Height + 1, medianTimePast))
        {
            return MempoolAcceptResult.Reject("non-final", RejectCode.Nonstandard);
        }

        if (pool.Contains(txid))
        {
            return MempoolAcceptResult.Reject("txn-already-in-mempool", RejectCode.Duplicate);
        }

        var conflicts = new HashSet<MempoolEntry>();
        foreach (var input in tx.Inputs)
        {
            var spender = pool.FindSpender(input.PrevOut);
            if (spender is null || conflicts.Contains(spender))
            {
                continue;
            }

            if (replacement.CheckConflictReplaceable(spender.Transaction) is { } notReplaceable)
            {
                return MempoolAcceptResult.Reject(notReplaceable);
            }

            conflicts.Add(spender);
        }

        // Coins from the chain, or from pool transactions (at MEMPOOL_HEIGHT, never coinbase).
        var spent = new List<Coin>(tx.Inputs.Count);
        var missing = false;
        foreach (var input in tx.Inputs)
        {
            var coin = context.Coins.GetCoin(input.PrevOut);
            if (coin is null && pool.GetOutput(input.PrevOut) is { } poolOutput)
            {
                coin = new Coin(poolOutput, MempoolHeight, false);
            }

            if (coin is null)
            {
                missing = true;
                break;
            }

            spent.Add(coin);
        }

        if (missing)
        {
            // A transaction whose own outputs are in the UTXO set is already confirmed, not an orphan.
            for (var n = 0u; n < tx.Outputs.Count; n++)
            {
                if (context.Coins.GetCoin(new OutPoint(txid, n)) is not null)
                {
                    return MempoolAcceptResult.Reject("txn-already-known", RejectCode.Duplicate);
                }
            }

            return MempoolAcceptResult.Missing();
        }

        var heights = spent.Select(c => c.Height == MempoolHeight ? tip.Height + 1 : c.Height).ToArray();
        if (!SequenceLocks.Evaluate(SequenceLocks.Calculate(tx, true, heights, tip), tip))
        {
            return MempoolAcceptResult.Reject("non-BIP68-final", RejectCode.Nonstandard);
        }

        error = TransactionInputsRule.Check(tx, spent, tip.Height + 1, consensus.CoinbaseMaturity, out var fee);
        if (error is not null)
        {
            return MempoolAcceptResult.Reject(error);
        }

        var spentOutputs = spent.Select(c => c.Output).ToArray();
        if (policy.RequireStandard)
        {
            error = StandardInputsCheck.Check(tx, spentOutputs) ?? (tx.HasWitness ? WitnessStandardCheck.Check(tx, spentOutputs) : null);
            if (error is not null)
            {
                return MempoolAcceptResult.Reject(error);
            }
        }

        var sigOpCost = SigOpCounter.TransactionCost(tx, spentOutputs, ScriptFlagSets.Standard);
        var virtualSize = (int)TransactionSizes.VirtualSize(tx, sigOpCost, policy.BytesPerSigOp);
        var modifiedFee = fee + pool.GetDelta(txid);
        var entry = new MempoolEntry(tx, fee, now, tip.Height, sigOpCost, virtualSize);

        error = FeeChecks.CheckSigOpCost(sigOpCost)
            ?? feeChecks.CheckFees(fee, modifiedFee, virtualSize, new PolicyFeeRate(pool.GetMinFee()), limitFree: !bypassLimits);
        if (error is not null)
        {
            return MempoolAcceptResult.Reject(error);
        }

        if (AbsurdFeeRejection.Check(fee, absurdFee) is { } absurd)
        {
            return MempoolAcceptResult.RejectInternal(AbsurdFeeRejection.Reason, AbsurdFeeRejection.RejectHighFee, absurd.Debug);
        }

        var limits = bypassLimits ? MempoolLimits.None : MempoolLimits.From(policy);
        var ancestors = MempoolGraph.CalculateAncestors(pool, tx, virtualSize, limits, out var limitError);
        if (ancestors is null)
        {
            return MempoolAcceptResult.Reject("too-long-mempool-chain", RejectCode.Nonstandard, debug: limitError);
        }

        var replaced = conflicts.Count == 0 ? [] : CheckReplacement(tx, entry, ancestors, conflicts, out error);
        if (error is not null)
        {
            return MempoolAcceptResult.Reject(error);
        }

        error = VerifyScripts(tx, spentOutputs);
        if (error is not null)
        {
            return MempoolAcceptResult.Reject(error);
        }

        if (replaced.Count > 0)
        {
            pool.RemoveStaged(replaced, false, MempoolRemovalReason.Replaced);
        }

        // IsCurrentForFeeEstimation and HasNoInputsOf: replacements, re-adds, children of pool transactions and
        // anything accepted during initial download would skew the estimates.
        var validFeeEstimate = !bypassLimits && replaced.Count == 0 && ancestors.Count == 0 && !chain.IsInitialBlockDownload();
        pool.Add(entry, ancestors, validFeeEstimate);
        if (!bypassLimits)
        {
            pool.Expire(time.GetUtcNow().ToUnixTimeSeconds() - (long)policy.MempoolExpiry.TotalSeconds);
            pool.TrimToSize(policy.MaxMempoolBytes);
            if (!pool.Contains(txid))
            {
                return MempoolAcceptResult.Reject("mempool full", RejectCode.InsufficientFee);
            }
        }

        return MempoolAcceptResult.Accept(replaced.Select(e => e.Txid).ToArray());
    }

    /// <summary>MEMPOOL_HEIGHT: the height 0.15 gives coins created by pool transactions.</summary>
    public const int MempoolHeight = 0x7FFFFFFF;

    /// <summary>BIP125: the entries the replacement evicts (conflicts and their descendants), or the first rule it breaks.</summary>
    private HashSet<MempoolEntry> CheckReplacement(
        Transaction tx, MempoolEntry entry, HashSet<MempoolEntry> ancestors, HashSet<MempoolEntry> conflicts, out ValidationError? error)
    {
        var conflictIds = conflicts.Select(c => c.Txid).ToHashSet();
        var direct = conflicts.Select(c => new ConflictingEntry(c.Transaction, c.ModifiedFee, c.VirtualSize, c.DescendantCount)).ToArray();
        error = ReplacementRules.CheckSpendsNoConflict(entry.Txid, ancestors.Select(a => a.Txid), conflictIds)
            ?? ReplacementRules.CheckFeeRatesAndCount(entry.Txid, entry.ModifiedFee, entry.VirtualSize, direct)
            ?? ReplacementRules.CheckNoNewUnconfirmedInputs(tx, direct, pool.Contains);
        if (error is not null)
        {
            return [];
        }

        var evicted = new HashSet<MempoolEntry>();
        foreach (var conflict in conflicts)
        {
            evicted.UnionWith(MempoolGraph.DescendantsAndSelf(conflict));
        }

        error = replacement.CheckPaysForReplacement(entry.Txid, entry.ModifiedFee, entry.VirtualSize, evicted.Sum(e => e.ModifiedFee));
        return error is null ? evicted : [];
    }

    private static ValidationError? VerifyScripts(Transaction tx, TxOut[] spentOutputs)
    {
        var precomputed = tx.HasWitness ? tx.PrecomputeTransactionData(spentOutputs) : null;
        for (var i = 0; i < tx.Inputs.Count; i++)
        {
            var error = new ScriptCheck(tx, i, spentOutputs[i], ScriptFlagSets.Standard, precomputed).Execute();
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }
}
