using System.Text.Json.Nodes;
using Faithcoin.P2P;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>getaddednodeinfo ( "node" ): each added node and whether we are connected to it.</summary>
public sealed class GetAddedNodeInfoMethod(P2PAccess p2p) : IRpcMethod
{
    public string Name => "getaddednodeinfo";

    public RpcCategory Category => RpcCategory.Network;

    public IReadOnlyList<string> ArgumentNames { get; } = ["node"];

    public int MinArguments => 0;

    public int MaxArguments => 1;

    public string Help =>
        "getaddednodeinfo ( \"node\" )\n" +
        "\nReturns information about the given added node, or all added nodes\n" +
        "(note that onetry addnodes are not listed here)\n" +
        "\nArguments:\n" +
        "1. \"node\"   (string, optional) If provided, return information about this specific node, otherwise all nodes are returned.\n" +
        "\nResult:\n" +
        "[\n" +
        "  {\n" +
        "    \"addednode\" : \"192.168.0.201\",   (string) The node IP address or name (as provided to addnode)\n" +
        "    \"connected\" : true|false,          (boolean) If connected\n" +
        "    \"addresses\" : [                    (list of objects) Only when connected = true\n" +
        "       {\n" +
        "         \"address\" : \"192.168.0.201:9666\",  (string) The litecoin server IP and port we're connected to\n" +
        "         \"connected\" : \"outbound\"           (string) connection, inbound or outbound\n" +
        "       }\n" +
        "     ]\n" +
        "  }\n" +
        "  ,...\n" +
        "]\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, "\"192.168.0.201\"") +
        RpcHelpExamples.Rpc(Name, "\"192.168.0.201\"");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var node = p2p.Node;
        var added = node.AddedNodes;
        if (!parameters.IsNull(0))
        {
            var wanted = parameters.GetString(0);
            added = added.Where(a => a == wanted).ToList();
            if (added.Count == 0)
            {
                throw new RpcException(RpcErrorCode.ClientNodeNotAdded, "Error: Node has not been added.");
            }
        }

        var peers = node.GetPeers();
        var result = new JsonArray();
        foreach (var name in added)
        {
            var peer = FindPeer(peers, name);
            var entry = new JsonObject { ["addednode"] = name, ["connected"] = peer is not null };
            var addresses = new JsonArray();
            if (peer is not null)
            {
                addresses.Add(new JsonObject
                {
                    ["address"] = PeerAddressText.Format(peer.RemoteEndPoint),
                    ["connected"] = peer.IsInbound ? "inbound" : "outbound",
                });
            }

            entry["addresses"] = addresses;
            result.Add(entry);
        }

        return ValueTask.FromResult<JsonNode?>(result);
    }

    // 0.15 matches by name first, then by resolved address; a numeric name matches the address directly.
    private static PeerInfo? FindPeer(IReadOnlyList<PeerInfo> peers, string name) =>
        peers.FirstOrDefault(p => string.Equals(p.AddressName, name, StringComparison.OrdinalIgnoreCase))
        ?? peers.FirstOrDefault(p => string.Equals(PeerAddressText.Format(p.RemoteEndPoint), name, StringComparison.OrdinalIgnoreCase));
}
