using System.Globalization;
using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.ChainView;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>
/// getblockchaininfo: the fields the node can state from its chain view, in the original's order. The
/// soft-fork status fields and verificationprogress come with the chainstate.
/// </summary>
public sealed class GetBlockchainInfoMethod(IChainView chain, ChainParams chainParams) : IRpcMethod
{
    public string Name => "getblockchaininfo";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "getblockchaininfo\n" +
        "Returns an object containing various state info regarding blockchain processing.\n" +
        "\nResult:\n" +
        "{\n" +
        "  \"chain\": \"xxxx\",        (string) current network name as defined in BIP70 (main, test, regtest)\n" +
        "  \"blocks\": xxxxxx,         (numeric) the current number of blocks processed in the server\n" +
        "  \"headers\": xxxxxx,        (numeric) the current number of headers we have validated\n" +
        "  \"bestblockhash\": \"...\", (string) the hash of the currently best block\n" +
        "  \"difficulty\": xxxxxx,     (numeric) the current difficulty\n" +
        "  \"mediantime\": xxxxxx,     (numeric) median time for the current best block\n" +
        "  \"chainwork\": \"xxxx\"     (string) total amount of work in active chain, in hexadecimal\n" +
        "  \"pruned\": xx,             (boolean) if the blocks are subject to pruning\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        var tip = chain.Tip;
        var info = new JsonObject
        {
            ["chain"] = chainParams.Name,
            ["blocks"] = tip.Height,
            ["headers"] = chain.BestHeader.Height,
            ["bestblockhash"] = tip.HashBlock.ToString(),
            ["difficulty"] = BlockDifficulty.FromBits(tip.Bits),
            ["mediantime"] = tip.GetMedianTimePast(),
            ["chainwork"] = tip.ChainWork.ToString("x64", CultureInfo.InvariantCulture)[^64..],
            ["pruned"] = false,
        };
        return ValueTask.FromResult<JsonNode?>(info);
    }
}
