namespace Faithcoin.Consensus.Chain;

/// <summary>
/// Address and key prefixes. Litecoin 0.15 writes P2SH addresses with <see cref="ScriptAddress2"/> and still
/// reads the older <see cref="ScriptAddress"/>, so both are kept.
/// </summary>
public sealed record Base58Prefixes(
    byte PubkeyAddress,
    byte ScriptAddress,
    byte ScriptAddress2,
    byte SecretKey,
    uint ExtPublicKey,
    uint ExtSecretKey);
