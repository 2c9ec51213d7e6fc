using System.Text.Json.Nodes;
using Faithcoin.Node.Hosting;

namespace Faithcoin.Node.Rpc.Methods.Control;

/// <summary>uptime: whole seconds since the node started.</summary>
public sealed class UptimeMethod(NodeUptime uptime) : IRpcMethod
{
    public string Name => "uptime";

    public RpcCategory Category => RpcCategory.Control;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 1;

    public string Help =>
        "uptime\n" +
        "\nReturns the total uptime of the server.\n" +
        "\nResult:\n" +
        "ttt        (numeric) The number of seconds that the server has been running\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken) =>
        ValueTask.FromResult<JsonNode?>(JsonValue.Create(uptime.Seconds));
}
