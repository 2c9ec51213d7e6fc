using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain.Queries;
using Faithcoin.Node.ChainView;
using Faithcoin.Node.Notifications;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.Mining;

/// <summary>getmininginfo: the tip, the last assembled block's size, difficulty and hash rate; no mempool yet (pooledtx 0).</summary>
public sealed class GetMiningInfoMethod(IChainView chain, ChainParams chainParams, MiningStatistics statistics, NodeWarnings? warnings = null) : IRpcMethod
{
    public string Name => "getmininginfo";

    public RpcCategory Category => RpcCategory.Mining;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "getmininginfo\n" +
        "\nReturns a json object containing mining-related information." +
        "\nResult:\n" +
        "{\n" +
        "  \"blocks\": nnn,             (numeric) The current block\n" +
        "  \"currentblockweight\": nnn, (numeric) The last block weight\n" +
        "  \"currentblocktx\": nnn,     (numeric) The last block transaction\n" +
        "  \"difficulty\": xxx.xxxxx    (numeric) The current difficulty\n" +
        "  \"errors\": \"...\"            (string) Current errors\n" +
        "  \"networkhashps\": nnn,      (numeric) The network hashes per second\n" +
        "  \"pooledtx\": n              (numeric) The size of the mempool\n" +
        "  \"chain\": \"xxxx\",           (string) current network name as defined in BIP70 (main, test, regtest)\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        var tip = chain.Tip;
        var result = new JsonObject
        {
            ["blocks"] = tip.Height,
            ["currentblockweight"] = statistics.LastBlockWeight,
            ["currentblocktx"] = statistics.LastBlockTransactions,
            ["difficulty"] = Difficulty.ToJson(tip.Bits),
            ["errors"] = warnings?.StatusBar ?? string.Empty,
            ["networkhashps"] = JsonNumber.FromDouble(
                NetworkHashRate.Estimate(tip, chainParams.Consensus, GetNetworkHashPsMethod.DefaultLookup, -1)),
            ["pooledtx"] = 0,
            ["chain"] = chainParams.Name,
        };
        return ValueTask.FromResult<JsonNode?>(result);
    }
}
