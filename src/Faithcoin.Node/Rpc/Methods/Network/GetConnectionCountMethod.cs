using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>getconnectioncount: the number of connections to other nodes.</summary>
public sealed class GetConnectionCountMethod(P2PAccess p2p) : IRpcMethod
{
    public string Name => "getconnectioncount";

    public RpcCategory Category => RpcCategory.Network;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "getconnectioncount\n" +
        "\nReturns the number of connections to other nodes.\n" +
        "\nResult:\n" +
        "n          (numeric) The connection count\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken) =>
        ValueTask.FromResult<JsonNode?>(JsonValue.Create(p2p.Node.GetPeers().Count));
}
