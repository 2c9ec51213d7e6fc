using System.Text.Json.Nodes;
using Faithcoin.Node.Hosting;

namespace Faithcoin.Node.Rpc.Methods.Control;

/// <summary>stop: replies, then the node shuts down cleanly and exits with code 0.</summary>
public sealed class StopMethod(IShutdownRequester shutdown) : IRpcMethod
{
    public string Name => "stop";

    public RpcCategory Category => RpcCategory.Control;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    // The original still accepts (and ignores) the deprecated "detach" argument.
    public int MaxArguments => 1;

    public string Help =>
        "stop\n" +
        "\nStop Faithcoin server.";

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        shutdown.RequestShutdown();
        return ValueTask.FromResult<JsonNode?>(JsonValue.Create("Faithcoin server stopping"));
    }
}
