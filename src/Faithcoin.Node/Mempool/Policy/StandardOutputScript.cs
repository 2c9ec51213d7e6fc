using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// 0.15's IsStandard(scriptPubKey): a template Solver recognises, multisig at most x-of-3, null data only with
/// -datacarrier and within -datacarriersize (the whole script counts), and witness outputs only once segwit is
/// active. Classification reuses the RPC formatter's Solver so both agree on every script.
/// </summary>
public sealed class StandardOutputScript(PolicySettings settings)
{
    private const int MaxStandardMultisigKeys = 3;

    public bool IsStandard(ReadOnlySpan<byte> scriptPubKey, bool witnessEnabled, out ScriptType type)
    {
        var template = ScriptClassifier.Classify(scriptPubKey);
        type = template.Type;
        if (!template.Solved || type == ScriptType.NonStandard)
        {
            return false;
        }

        return type switch
        {
            ScriptType.Multisig => template.Solutions[^1][0] <= MaxStandardMultisigKeys,
            ScriptType.NullData => settings.AcceptDatacarrier && scriptPubKey.Length <= settings.MaxDatacarrierBytes,
            ScriptType.WitnessV0KeyHash or ScriptType.WitnessV0ScriptHash => witnessEnabled,
            _ => true,
        };
    }
}
