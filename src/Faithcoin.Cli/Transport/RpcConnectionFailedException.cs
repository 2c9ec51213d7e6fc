namespace Faithcoin.Cli.Transport;

/// <summary>
/// CConnectionFailed: the server could not be reached, or answered that it is still warming up. With -rpcwait
/// the client tries again a second later; without it this ends the call like any other failure.
/// </summary>
public sealed class RpcConnectionFailedException(string message) : RpcClientException(message);
