using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>setnetworkactive true|false: turns all P2P activity on or off; answers the new state.</summary>
public sealed class SetNetworkActiveMethod(P2PAccess p2p) : IRpcMethod
{
    public string Name => "setnetworkactive";

    public RpcCategory Category => RpcCategory.Network;

    public IReadOnlyList<string> ArgumentNames { get; } = ["state"];

    public int MinArguments => 1;

    public int MaxArguments => 1;

    public string Help =>
        "setnetworkactive true|false\n" +
        "\nDisable/enable all p2p network activity.\n" +
        "\nArguments:\n" +
        "1. \"state\"        (boolean, required) true to enable networking, false to disable\n";

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var node = p2p.Node;
        node.SetNetworkActive(parameters.GetBoolean(0));
        return ValueTask.FromResult<JsonNode?>(JsonValue.Create(node.NetworkActive));
    }
}
