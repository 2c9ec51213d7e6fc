namespace Faithcoin.Node.Rpc;

/// <summary>
/// Names the original serves but this node deliberately does not (the wallet's), so that calling one explains why
/// instead of the bare "Method not found". The dispatcher consults these only for names no method has.
/// </summary>
public interface IUnavailableRpcMethods
{
    /// <summary>The -32601 message for <paramref name="method"/>, or null when the name is not one of these.</summary>
    string? Explain(string method);
}
