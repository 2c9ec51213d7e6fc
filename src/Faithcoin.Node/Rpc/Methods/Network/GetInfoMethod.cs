using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.ChainView;
using Faithcoin.Node.Mempool.Policy;
using Faithcoin.Node.Networking;
using Faithcoin.Node.Notifications;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>
/// getinfo: 0.15's deprecated summary, without the wallet fields (as a build without the wallet answers it).
/// </summary>
public sealed class GetInfoMethod(IChainView chain, ChainParams chainParams, NetworkState network, PolicySettings policy, NodeWarnings warnings) : IRpcMethod
{
    public string Name => "getinfo";

    public RpcCategory Category => RpcCategory.Control;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "getinfo\n" +
        "\nDEPRECATED. Returns an object containing various state info.\n" +
        "\nResult:\n" +
        "{\n" +
        "  \"deprecation-warning\": \"...\" (string) warning that the getinfo command is deprecated and will be removed in 0.16\n" +
        "  \"version\": xxxxx,           (numeric) the server version\n" +
        "  \"protocolversion\": xxxxx,   (numeric) the protocol version\n" +
        "  \"blocks\": xxxxxx,           (numeric) the current number of blocks processed in the server\n" +
        "  \"timeoffset\": xxxxx,        (numeric) the time offset\n" +
        "  \"connections\": xxxxx,       (numeric) the number of connections\n" +
        "  \"proxy\": \"host:port\",     (string, optional) the proxy used by the server\n" +
        "  \"difficulty\": xxxxxx,       (numeric) the current difficulty\n" +
        "  \"testnet\": true|false,      (boolean) if the server is using testnet or not\n" +
        "  \"relayfee\": x.xxxx,         (numeric) minimum relay fee for transactions in FAITH/kB\n" +
        "  \"errors\": \"...\"           (string) any error messages\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        var tip = chain.Tip;
        var result = new JsonObject
        {
            ["deprecation-warning"] = "WARNING: getinfo is deprecated and will be fully removed in 0.16. Projects should transition to using getblockchaininfo, getnetworkinfo, and getwalletinfo before upgrading to 0.16",
            ["version"] = GetNetworkInfoMethod.ClientVersionNumber,
            ["protocolversion"] = GetNetworkInfoMethod.ProtocolVersion,
            ["blocks"] = tip.Height,
        };
        var peers = network.Node?.GetPeers();
        result["timeoffset"] = peers is null ? 0 : GetNetworkInfoMethod.TimeOffset(peers);
        if (peers is not null)
        {
            result["connections"] = peers.Count;
        }

        // faithcoind has no -proxy yet, so the proxy is always empty, as 0.15 prints it without one.
        result["proxy"] = string.Empty;
        result["difficulty"] = Difficulty.ToJson(tip.Bits);
        result["testnet"] = chainParams.Name == "test";
        result["relayfee"] = AmountJson.ToJson(policy.MinRelayTxFee.SatoshisPerK);
        result["errors"] = warnings.StatusBar;
        return ValueTask.FromResult<JsonNode?>(result);
    }
}
