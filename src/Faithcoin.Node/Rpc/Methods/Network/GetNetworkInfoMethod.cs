using System.Globalization;
using System.Text.Json.Nodes;
using Faithcoin.Node.Configuration;
using Faithcoin.Node.Mempool.Policy;
using Faithcoin.Node.Notifications;
using Faithcoin.Node.Rpc.Formatting;
using Faithcoin.P2P;
using Faithcoin.P2P.Net.Socks;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>getnetworkinfo: 0.15's fields, from the running P2P node and the bound options.</summary>
public sealed class GetNetworkInfoMethod(P2PAccess p2p, NodeOptions options, PolicySettings? policy = null, NodeWarnings? warnings = null) : IRpcMethod
{
    /// <summary>CLIENT_VERSION of 0.15.0.1 (1000000·major + 10000·minor + 100·revision + build).</summary>
    public const int ClientVersionNumber = 150001;

    /// <summary>PROTOCOL_VERSION.</summary>
    public const int ProtocolVersion = 70015;

    /// <summary>0.15 uses the median of peers' clock offsets only once it has five of them.</summary>
    private const int MinTimeSamples = 5;

    public string Name => "getnetworkinfo";

    public RpcCategory Category => RpcCategory.Network;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "getnetworkinfo\n" +
        "Returns an object containing various state info regarding P2P networking.\n" +
        "\nResult:\n" +
        "{\n" +
        "  \"version\": xxxxx,                      (numeric) the server version\n" +
        "  \"subversion\": \"/Satoshi:x.x.x/\",     (string) the server subversion string\n" +
        "  \"protocolversion\": xxxxx,              (numeric) the protocol version\n" +
        "  \"localservices\": \"xxxxxxxxxxxxxxxx\", (string) the services we offer to the network\n" +
        "  \"localrelay\": true|false,              (bool) true if transaction relay is requested from peers\n" +
        "  \"timeoffset\": xxxxx,                   (numeric) the time offset\n" +
        "  \"connections\": xxxxx,                  (numeric) the number of connections\n" +
        "  \"networkactive\": true|false,           (bool) whether p2p networking is enabled\n" +
        "  \"networks\": [                          (array) information per network\n" +
        "  {\n" +
        "    \"name\": \"xxx\",                     (string) network (ipv4, ipv6 or onion)\n" +
        "    \"limited\": true|false,               (boolean) is the network limited using -onlynet?\n" +
        "    \"reachable\": true|false,             (boolean) is the network reachable?\n" +
        "    \"proxy\": \"host:port\"               (string) the proxy that is used for this network, or empty if none\n" +
        "    \"proxy_randomize_credentials\": true|false,  (string) Whether randomized credentials are used\n" +
        "  }\n" +
        "  ,...\n" +
        "  ],\n" +
        "  \"relayfee\": x.xxxxxxxx,                (numeric) minimum relay fee for transactions in LTC/kB\n" +
        "  \"incrementalfee\": x.xxxxxxxx,          (numeric) minimum fee increment for mempool limiting or BIP 125 replacement in LTC/kB\n" +
        "  \"localaddresses\": [                    (array) list of local addresses\n" +
        "  {\n" +
        "    \"address\": \"xxxx\",                 (string) network address\n" +
        "    \"port\": xxx,                         (numeric) network port\n" +
        "    \"score\": xxx                         (numeric) relative score\n" +
        "  }\n" +
        "  ,...\n" +
        "  ]\n" +
        "  \"warnings\": \"...\"                    (string) any network warnings\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        var node = p2p.Node;
        var settings = options.Network;
        var p2pOptions = settings.P2P;
        var peers = node.GetPeers();
        var result = new JsonObject
        {
            ["version"] = ClientVersionNumber,
            ["subversion"] = p2pOptions.FormatUserAgent(),
            ["protocolversion"] = ProtocolVersion,
            ["localservices"] = ((ulong)p2pOptions.LocalServices).ToString("x16", CultureInfo.InvariantCulture),
            ["localrelay"] = p2pOptions.RelayTransactions,
            ["timeoffset"] = TimeOffset(peers),
            ["networkactive"] = node.NetworkActive,
            ["connections"] = peers.Count,
            ["networks"] = NetworksJson(settings),
            ["relayfee"] = AmountJson.ToJson(policy?.MinRelayTxFee.SatoshisPerK ?? p2pOptions.MinRelayTxFeePerKb),
            ["incrementalfee"] = AmountJson.ToJson((policy ?? new PolicySettings()).IncrementalRelayFee.SatoshisPerK),
            ["localaddresses"] = LocalAddresses(node, settings),
            ["warnings"] = warnings?.StatusBar ?? string.Empty,
        };
        return ValueTask.FromResult<JsonNode?>(result);
    }

    /// <summary>GetTimeOffset: the median of the connected peers' clock offsets, once there are enough of them.</summary>
    internal static long TimeOffset(IReadOnlyList<PeerInfo> peers)
    {
        var offsets = peers.Where(p => p.HandshakeComplete).Select(p => (long)p.TimeOffset.TotalSeconds).Order().ToList();
        return offsets.Count >= MinTimeSamples ? offsets[offsets.Count / 2] : 0;
    }

    private static JsonArray NetworksJson(NetworkSettings settings)
    {
        var networks = new JsonArray();
        foreach (var network in AddressNetwork.Reported)
        {
            // GetNetworksInfo: a network without a proxy shows "" and false for its credentials.
            var proxies = settings.P2P.Proxies;
            var proxy = proxies.ProxyFor(network);
            networks.Add(new JsonObject
            {
                ["name"] = AddressNetwork.Name(network),
                ["limited"] = proxies.IsLimited(network),
                ["reachable"] = proxies.IsReachable(network),
                ["proxy"] = proxy?.ToString() ?? string.Empty,
                ["proxy_randomize_credentials"] = proxy?.RandomizeCredentials ?? false,
            });
        }

        return networks;
    }

    // mapLocalHost as the P2P node keeps it: -externalip and discovered addresses, scores raised by SeenLocal.
    private static JsonArray LocalAddresses(P2PNode node, NetworkSettings settings)
    {
        var addresses = new JsonArray();
        if (!settings.P2P.Listen)
        {
            return addresses;
        }

        foreach (var (endpoint, score) in node.LocalAddresses.All)
        {
            addresses.Add(new JsonObject { ["address"] = endpoint.Address.ToString(), ["port"] = endpoint.Port, ["score"] = score });
        }

        return addresses;
    }
}
