namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>A scriptPubKey's "reqSigs" and "addresses" as the original reports them.</summary>
public sealed record ScriptAddresses(int RequiredSignatures, IReadOnlyList<string> Addresses);
