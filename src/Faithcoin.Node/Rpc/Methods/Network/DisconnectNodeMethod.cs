using System.Text.Json;
using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>disconnectnode "[address]" [nodeid]: drops one peer, named by address or by id (exactly one of them).</summary>
public sealed class DisconnectNodeMethod(P2PAccess p2p) : IRpcMethod
{
    public string Name => "disconnectnode";

    public RpcCategory Category => RpcCategory.Network;

    public IReadOnlyList<string> ArgumentNames { get; } = ["address", "nodeid"];

    public int MinArguments => 0;

    public int MaxArguments => 2;

    public string Help =>
        "disconnectnode \"[address]\" [nodeid]\n" +
        "\nImmediately disconnects from the specified peer node.\n" +
        "\nStrictly one out of 'address' and 'nodeid' can be provided to identify the node.\n" +
        "\nTo disconnect by nodeid, either set 'address' to the empty string, or call using the named 'nodeid' argument only.\n" +
        "\nArguments:\n" +
        "1. \"address\"     (string, optional) The IP address/port of the node\n" +
        "2. \"nodeid\"      (number, optional) The node ID (see getpeerinfo for node IDs)\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, "\"192.168.0.6:9666\"") +
        RpcHelpExamples.Cli(Name, "\"\" 1") +
        RpcHelpExamples.Rpc(Name, "\"192.168.0.6:9666\"") +
        RpcHelpExamples.Rpc(Name, "\"\", 1");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var node = p2p.Node;
        var address = parameters[0];
        var id = parameters[1];
        bool success;
        if (address is not null && id is null)
        {
            success = node.DisconnectNode(parameters.GetString(0));
        }
        else if (id is not null && (address is null || address is { ValueKind: JsonValueKind.String } a && a.GetString()!.Length == 0))
        {
            success = node.DisconnectNode(parameters.GetInt64(1));
        }
        else
        {
            throw new RpcException(RpcErrorCode.InvalidParams, "Only one of address and nodeid should be provided.");
        }

        if (!success)
        {
            throw new RpcException(RpcErrorCode.ClientNodeNotConnected, "Node not found in connected nodes");
        }

        return ValueTask.FromResult<JsonNode?>(null);
    }
}
