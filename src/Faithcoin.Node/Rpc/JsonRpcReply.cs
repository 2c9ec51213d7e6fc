namespace Faithcoin.Node.Rpc;

/// <summary>An HTTP status and the JSON body (with the original's trailing newline) to send back.</summary>
public sealed record JsonRpcReply(int StatusCode, byte[] Body);
