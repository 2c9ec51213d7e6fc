namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// sign.h's SignatureData seen as sign.cpp's Stacks: the scriptSig's pushes and the witness stack of one input.
/// </summary>
public sealed record SignatureData(IReadOnlyList<byte[]> Script, IReadOnlyList<byte[]> Witness)
{
    public static SignatureData Empty { get; } = new([], []);
}
