using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>ping: queues a ping to every peer; the round trip shows in getpeerinfo's pingtime.</summary>
public sealed class PingMethod(P2PAccess p2p) : IRpcMethod
{
    public string Name => "ping";

    public RpcCategory Category => RpcCategory.Network;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "ping\n" +
        "\nRequests that a ping be sent to all other nodes, to measure ping time.\n" +
        "Results provided in getpeerinfo, pingtime and pingwait fields are decimal seconds.\n" +
        "Ping command is handled in queue with all other commands, so it measures processing backlog, not just network ping.\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        p2p.Node.PingAll();
        return ValueTask.FromResult<JsonNode?>(null);
    }
}
