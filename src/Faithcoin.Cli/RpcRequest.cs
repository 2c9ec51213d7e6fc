using Faithcoin.Cli.Json;

namespace Faithcoin.Cli;

/// <summary>JSONRPCRequestObj as the original client builds it: method, params and id 1, written compactly.</summary>
public sealed record RpcRequest(string Method, string ParametersJson)
{
    public string ToJson() => "{\"method\":" + UniValueWriter.Quote(Method) + ",\"params\":" + ParametersJson + ",\"id\":1}";
}
