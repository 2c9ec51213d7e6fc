using Faithcoin.Consensus.Scripting;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// 0.15's IsWitnessStandard: a witness is only standard on an input that spends a witness program (directly or
/// nested in P2SH), and a P2WSH spend keeps to the 3,600-byte script, 100-item and 80-bytes-per-item limits. The
/// refusal is marked corruption-possible because a peer could have stripped or padded the witness in transit.
/// </summary>
public static class WitnessStandardCheck
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
            var witness = tx.Inputs[i].WitScript;
            if (witness is null || witness.PushCount == 0)
            {
                continue;
            }

            if (!IsStandardWitness(spentOutputs[i].ScriptPubKey.ToBytes(true), tx.Inputs[i].ScriptSig.ToBytes(true), witness))
            {
                return PolicyRejections.Nonstandard("bad-witness-nonstandard", corruptionPossible: true);
            }
        }

        return null;
    }

    private static bool IsStandardWitness(byte[] spentScript, byte[] scriptSig, WitScript witness)
    {
        var program = spentScript;
        if (ScriptPatterns.IsPayToScriptHash(spentScript))
        {
            var redeemScript = ScriptSigStack.TryGetLastPush(scriptSig);
            if (redeemScript is null)
            {
                return false;
            }

            program = redeemScript;
        }

        if (!ScriptPatterns.IsWitnessProgram(program, out var version, out var hash))
        {
            return false;
        }

        if (version != 0 || hash.Length != 32)
        {
            return true;
        }

        var items = witness.PushCount - 1;
        if (witness[items].Length > PolicyDefaults.MaxStandardP2wshScriptSize || items > PolicyDefaults.MaxStandardP2wshStackItems)
        {
            return false;
        }

        for (var j = 0; j < items; j++)
        {
            if (witness[j].Length > PolicyDefaults.MaxStandardP2wshStackItemSize)
            {
                return false;
            }
        }

        return true;
    }
}
