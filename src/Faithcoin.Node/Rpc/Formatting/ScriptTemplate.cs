namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// What Core's Solver says about a scriptPubKey. <see cref="Solved"/> can be false while <see cref="Type"/> is
/// <see cref="ScriptType.Multisig"/>: 0.15 names a multisig shape with impossible counts "multisig" but
/// extracts no addresses from it.
/// </summary>
/// <param name="Solutions">
/// The template's data: the hash for P2PKH/P2SH/witness, the key for P2PK, and for multisig m, the keys, n
/// (m and n as one-byte arrays).
/// </param>
public sealed record ScriptTemplate(ScriptType Type, bool Solved, IReadOnlyList<byte[]> Solutions)
{
    public static ScriptTemplate NonStandard { get; } = new(ScriptType.NonStandard, false, []);
}
