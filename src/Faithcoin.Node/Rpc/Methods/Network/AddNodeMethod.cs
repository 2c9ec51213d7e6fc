using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>addnode "node" "add|remove|onetry": the added-node list, or one connection attempt.</summary>
public sealed class AddNodeMethod(P2PAccess p2p) : IRpcMethod
{
    public string Name => "addnode";

    public RpcCategory Category => RpcCategory.Network;

    public IReadOnlyList<string> ArgumentNames { get; } = ["node", "command"];

    public int MinArguments => 2;

    public int MaxArguments => 2;

    public string Help =>
        "addnode \"node\" \"add|remove|onetry\"\n" +
        "\nAttempts to add or remove a node from the addnode list.\n" +
        "Or try a connection to a node once.\n" +
        "\nArguments:\n" +
        "1. \"node\"     (string, required) The node (see getpeerinfo for nodes)\n" +
        "2. \"command\"  (string, required) 'add' to add a node to the list, 'remove' to remove a node from the list, 'onetry' to try a connection to the node once\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, "\"192.168.0.6:9666\" \"onetry\"") +
        RpcHelpExamples.Rpc(Name, "\"192.168.0.6:9666\", \"onetry\"");

    public async ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var command = parameters[1] is { } value && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;
        if (command is not ("add" or "remove" or "onetry"))
        {
            throw new RpcException(RpcErrorCode.MiscError, Help);
        }

        var node = p2p.Node;
        var destination = parameters.GetString(0);
        switch (command)
        {
            case "onetry":
                // 0.15 answers at once and connects in the background; waiting keeps "then getpeerinfo" scripts simple.
                try
                {
                    await node.ConnectAsync(destination, cancellationToken).ConfigureAwait(false);
                }
                catch (ArgumentException)
                {
                    // A name that does not parse is just a failed attempt, as in 0.15.
                }

                break;
            case "add" when !node.AddNode(destination):
                throw new RpcException(RpcErrorCode.ClientNodeAlreadyAdded, "Error: Node already added");
            case "remove" when !node.RemoveAddedNode(destination):
                throw new RpcException(RpcErrorCode.ClientNodeNotAdded, "Error: Node has not been added.");
        }

        return null;
    }
}
