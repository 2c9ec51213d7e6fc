using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Consensus.Scripting;

/// <summary>
/// Signature-operation counting of 0.15 (GetLegacySigOpCount, GetP2SHSigOpCount, CountWitnessSigOps and
/// GetTransactionSigOpCost), done on raw bytes so malformed scripts are counted exactly as Core counts them.
/// </summary>
public static class SigOpCounter
{
    private const byte OpCheckSig = 0xac;
    private const byte OpCheckSigVerify = 0xad;
    private const byte OpCheckMultiSig = 0xae;
    private const byte OpCheckMultiSigVerify = 0xaf;
    private const int MaxPubkeysPerMultisig = 20;

    /// <summary>CScript::GetSigOpCount(fAccurate).</summary>
    public static int Count(ReadOnlySpan<byte> script, bool accurate)
    {
        var count = 0;
        byte lastOpcode = 0xff;
        var reader = new ScriptReader(script);
        while (reader.TryRead(out var opcode, out _))
        {
            if (opcode is OpCheckSig or OpCheckSigVerify)
            {
                count++;
            }
            else if (opcode is OpCheckMultiSig or OpCheckMultiSigVerify)
            {
                count += accurate && lastOpcode >= ScriptReader.Op1 && lastOpcode <= ScriptReader.Op16
                    ? lastOpcode - (ScriptReader.Op1 - 1)
                    : MaxPubkeysPerMultisig;
            }

            lastOpcode = opcode;
        }

        return count;
    }

    /// <summary>CScript::GetSigOpCount(scriptSig): for P2SH the sigops of the redeem script the scriptSig pushes last.</summary>
    public static int CountP2sh(ReadOnlySpan<byte> scriptPubKey, ReadOnlySpan<byte> scriptSig)
    {
        if (!ScriptPatterns.IsPayToScriptHash(scriptPubKey))
        {
            return Count(scriptPubKey, true);
        }

        ReadOnlySpan<byte> lastPush = default;
        var reader = new ScriptReader(scriptSig);
        while (!reader.AtEnd)
        {
            if (!reader.TryRead(out var opcode, out var data) || opcode > ScriptReader.Op16)
            {
                return 0;
            }

            lastPush = data;
        }

        return Count(lastPush, true);
    }

    public static int LegacyCount(Transaction tx)
    {
        var count = 0;
        foreach (var input in tx.Inputs)
        {
            count += Count(input.ScriptSig.ToBytes(true), false);
        }

        foreach (var output in tx.Outputs)
        {
            count += Count(output.ScriptPubKey.ToBytes(true), false);
        }

        return count;
    }

    /// <summary>GetP2SHSigOpCount; <paramref name="spentOutputs"/> is aligned with the inputs.</summary>
    public static int P2shCount(Transaction tx, IReadOnlyList<TxOut> spentOutputs)
    {
        if (tx.IsCoinBase)
        {
            return 0;
        }

        var count = 0;
        for (var i = 0; i < tx.Inputs.Count; i++)
        {
            var scriptPubKey = spentOutputs[i].ScriptPubKey.ToBytes(true);
            if (ScriptPatterns.IsPayToScriptHash(scriptPubKey))
            {
                count += CountP2sh(scriptPubKey, tx.Inputs[i].ScriptSig.ToBytes(true));
            }
        }

        return count;
    }

    /// <summary>CountWitnessSigOps for one input.</summary>
    public static int WitnessCount(ReadOnlySpan<byte> scriptSig, ReadOnlySpan<byte> scriptPubKey, WitScript? witness, ScriptVerify flags)
    {
        if ((flags & ScriptVerify.Witness) == 0)
        {
            return 0;
        }

        if (ScriptPatterns.IsWitnessProgram(scriptPubKey, out var version, out var program))
        {
            return WitnessProgramCount(version, program, witness);
        }

        if (ScriptPatterns.IsPayToScriptHash(scriptPubKey) && ScriptPatterns.IsPushOnly(scriptSig))
        {
            ReadOnlySpan<byte> lastPush = default;
            var reader = new ScriptReader(scriptSig);
            while (reader.TryRead(out _, out var data))
            {
                lastPush = data;
            }

            if (ScriptPatterns.IsWitnessProgram(lastPush, out version, out program))
            {
                return WitnessProgramCount(version, program, witness);
            }
        }

        return 0;
    }

    /// <summary>GetTransactionSigOpCost: legacy x4, P2SH x4 when P2SH applies, plus witness sigops unscaled.</summary>
    public static long TransactionCost(Transaction tx, IReadOnlyList<TxOut> spentOutputs, ScriptVerify flags)
    {
        long cost = (long)LegacyCount(tx) * ConsensusConstants.WitnessScaleFactor;
        if (tx.IsCoinBase)
        {
            return cost;
        }

        if ((flags & ScriptVerify.P2SH) != 0)
        {
            cost += (long)P2shCount(tx, spentOutputs) * ConsensusConstants.WitnessScaleFactor;
        }

        for (var i = 0; i < tx.Inputs.Count; i++)
        {
            var input = tx.Inputs[i];
            cost += WitnessCount(input.ScriptSig.ToBytes(true), spentOutputs[i].ScriptPubKey.ToBytes(true), input.WitScript, flags);
        }

        return cost;
    }

    private static int WitnessProgramCount(int version, ReadOnlySpan<byte> program, WitScript? witness)
    {
        if (version != 0)
        {
            // Future versions count nothing until a soft fork defines them.
            return 0;
        }

        if (program.Length == 20)
        {
            return 1;
        }

        if (program.Length == 32 && witness is not null && witness.PushCount > 0)
        {
            return Count(witness[witness.PushCount - 1], true);
        }

        return 0;
    }
}
