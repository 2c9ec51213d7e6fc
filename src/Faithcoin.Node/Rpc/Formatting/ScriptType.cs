namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>Core 0.15's txnouttype: the standard output templates (0.15 has no witness_unknown).</summary>
public enum ScriptType
{
    NonStandard,
    PubKey,
    PubKeyHash,
    ScriptHash,
    Multisig,
    NullData,
    WitnessV0ScriptHash,
    WitnessV0KeyHash,
}
