namespace Faithcoin.Node.Rpc;

/// <summary>
/// A JSON-RPC error with the original's code and message (JSONRPCError). Any other exception a method throws
/// is reported as -1 with its message, as the original does for std::exception.
/// </summary>
public sealed class RpcException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
