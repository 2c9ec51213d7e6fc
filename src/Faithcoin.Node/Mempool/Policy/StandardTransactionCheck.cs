using Faithcoin.Consensus.Scripting;
using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Rpc.Formatting;
using NBitcoin;
using ScriptType = Faithcoin.Node.Rpc.Formatting.ScriptType;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// 0.15's IsStandardTx, run before the inputs are looked up, in the original's order: version, weight, then each
/// scriptSig (size, push-only), then each output (template, bare multisig, dust), then the OP_RETURN count.
/// Also the "no-witness-yet" check AcceptToMemoryPool makes before it.
/// </summary>
public sealed class StandardTransactionCheck(PolicySettings settings)
{
    private readonly StandardOutputScript outputs = new(settings);

    /// <summary>A witness before segwit activates could not be mined; refused whatever -acceptnonstdtxn says.</summary>
    public static ValidationError? CheckWitnessAllowed(Transaction tx, bool witnessEnabled)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx.HasWitness && !witnessEnabled
            ? PolicyRejections.Nonstandard("no-witness-yet", corruptionPossible: true)
            : null;
    }

    /// <summary>Null when the transaction is standard, else the first rule it breaks.</summary>
    public ValidationError? Check(Transaction tx, bool witnessEnabled)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var version = unchecked((int)tx.Version);
        if (version > PolicyDefaults.MaxStandardVersion || version < 1)
        {
            return PolicyRejections.Nonstandard("version");
        }

        if (TransactionSizes.Weight(tx) >= PolicyDefaults.MaxStandardTxWeight)
        {
            return PolicyRejections.Nonstandard("tx-size");
        }

        foreach (var input in tx.Inputs)
        {
            var scriptSig = input.ScriptSig.ToBytes(true);
            if (scriptSig.Length > PolicyDefaults.MaxStandardScriptSigSize)
            {
                return PolicyRejections.Nonstandard("scriptsig-size");
            }

            if (!ScriptPatterns.IsPushOnly(scriptSig))
            {
                return PolicyRejections.Nonstandard("scriptsig-not-pushonly");
            }
        }

        var dataOutputs = 0;
        foreach (var output in tx.Outputs)
        {
            if (!outputs.IsStandard(output.ScriptPubKey.ToBytes(true), witnessEnabled, out var type))
            {
                return PolicyRejections.Nonstandard("scriptpubkey");
            }

            if (type == ScriptType.NullData)
            {
                dataOutputs++;
            }
            else if (type == ScriptType.Multisig && !settings.PermitBareMultisig)
            {
                return PolicyRejections.Nonstandard("bare-multisig");
            }
            else if (DustThreshold.IsDust(output, settings.DustRelayFee))
            {
                return PolicyRejections.Nonstandard("dust");
            }
        }

        return dataOutputs > 1 ? PolicyRejections.Nonstandard("multi-op-return") : null;
    }
}
