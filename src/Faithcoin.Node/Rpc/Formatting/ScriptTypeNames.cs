namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>GetTxnOutputType: the "type" strings of scriptPubKey objects.</summary>
public static class ScriptTypeNames
{
    public static string Of(ScriptType type) => type switch
    {
        ScriptType.NonStandard => "nonstandard",
        ScriptType.PubKey => "pubkey",
        ScriptType.PubKeyHash => "pubkeyhash",
        ScriptType.ScriptHash => "scripthash",
        ScriptType.Multisig => "multisig",
        ScriptType.NullData => "nulldata",
        ScriptType.WitnessV0ScriptHash => "witness_v0_scripthash",
        ScriptType.WitnessV0KeyHash => "witness_v0_keyhash",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
