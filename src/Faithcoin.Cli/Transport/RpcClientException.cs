namespace Faithcoin.Cli.Transport;

/// <summary>A failure of the call that waiting cannot cure (the original's std::runtime_error): printed as "error: ..." with exit code 1.</summary>
public class RpcClientException(string message) : Exception(message);
