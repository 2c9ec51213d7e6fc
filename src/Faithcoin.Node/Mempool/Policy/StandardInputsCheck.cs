using Faithcoin.Consensus.Scripting;
using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Rpc.Formatting;
using NBitcoin;
using ScriptType = Faithcoin.Node.Rpc.Formatting.ScriptType;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// 0.15's AreInputsStandard: every spent output must be of a template Solver recognises, and a P2SH redeem
/// script may hold at most <see cref="PolicyDefaults.MaxP2shSigOps"/> sigops (counted accurately), so a cheap
/// P2SH output cannot hide an expensive script. Runs only when standardness is required, after
/// <see cref="StandardTransactionCheck"/> (which guarantees push-only scriptSigs).
/// </summary>
public static class StandardInputsCheck
{
    /// <param name="spentOutputs">The outputs the inputs spend, aligned with <c>tx.Inputs</c>.</param>
    public static ValidationError? Check(Transaction tx, IReadOnlyList<TxOut> spentOutputs)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(spentOutputs);
        if (tx.IsCoinBase)
        {
            return null;
        }

        if (spentOutputs.Count != tx.Inputs.Count)
        {
            throw new ArgumentException("One spent output per input is required.", nameof(spentOutputs));
        }

        for (var i = 0; i < tx.Inputs.Count; i++)
        {
            if (!IsStandardInput(spentOutputs[i].ScriptPubKey.ToBytes(true), tx.Inputs[i].ScriptSig.ToBytes(true)))
            {
                return PolicyRejections.Nonstandard("bad-txns-nonstandard-inputs");
            }
        }

        return null;
    }

    private static bool IsStandardInput(byte[] spentScript, byte[] scriptSig)
    {
        var template = ScriptClassifier.Classify(spentScript);
        if (!template.Solved || template.Type == ScriptType.NonStandard)
        {
            return false;
        }

        if (template.Type != ScriptType.ScriptHash)
        {
            return true;
        }

        var redeemScript = ScriptSigStack.TryGetLastPush(scriptSig);
        return redeemScript is not null && SigOpCounter.Count(redeemScript, accurate: true) <= PolicyDefaults.MaxP2shSigOps;
    }
}
