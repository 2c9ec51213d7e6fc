using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.ChainView;
using Faithcoin.Node.Notifications;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>getblockchaininfo: 0.15's fields, in its order, from one snapshot of the tip.</summary>
public sealed class GetBlockchainInfoMethod : IRpcMethod
{
    private readonly IChainView chain;
    private readonly ChainParams chainParams;
    private readonly TimeProvider time;
    private readonly SoftForkJson softForks;
    private readonly NodeWarnings? warnings;

    // The time provider and warnings are optional so the method also serves chain views outside the daemon (RPC tests).
    public GetBlockchainInfoMethod(IChainView chain, ChainParams chainParams, TimeProvider? time = null, NodeWarnings? warnings = null)
    {
        this.warnings = warnings;
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(chainParams);
        this.chain = chain;
        this.chainParams = chainParams;
        this.time = time ?? TimeProvider.System;
        softForks = new SoftForkJson(chainParams.Consensus);
    }

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
        "  \"verificationprogress\": xxxx, (numeric) estimate of verification progress [0..1]\n" +
        "  \"chainwork\": \"xxxx\"     (string) total amount of work in active chain, in hexadecimal\n" +
        "  \"pruned\": xx,             (boolean) if the blocks are subject to pruning\n" +
        "  \"pruneheight\": xxxxxx,    (numeric) lowest-height complete block stored\n" +
        "  \"softforks\": [            (array) status of softforks in progress\n" +
        "     {\n" +
        "        \"id\": \"xxxx\",        (string) name of softfork\n" +
        "        \"version\": xx,         (numeric) block version\n" +
        "        \"reject\": {            (object) progress toward rejecting pre-softfork blocks\n" +
        "           \"status\": xx,       (boolean) true if threshold reached\n" +
        "        },\n" +
        "     }, ...\n" +
        "  ],\n" +
        "  \"bip9_softforks\": {          (object) status of BIP9 softforks in progress\n" +
        "     \"xxxx\" : {                (string) name of the softfork\n" +
        "        \"status\": \"xxxx\",    (string) one of \"defined\", \"started\", \"locked_in\", \"active\", \"failed\"\n" +
        "        \"bit\": xx,             (numeric) the bit (0-28) in the block version field used to signal this softfork (only for \"started\" status)\n" +
        "        \"startTime\": xx,       (numeric) the minimum median time past of a block at which the bit gains its meaning\n" +
        "        \"timeout\": xx,         (numeric) the median time past of a block at which the deployment is considered failed if not yet locked in\n" +
        "        \"since\": xx,           (numeric) height of the first block to which the status applies\n" +
        "        \"statistics\": {        (object) numeric statistics about BIP9 signalling for a softfork (only for \"started\" status)\n" +
        "           \"period\": xx,       (numeric) the length in blocks of the BIP9 signalling period \n" +
        "           \"threshold\": xx,    (numeric) the number of blocks with the version bit set required to activate the feature \n" +
        "           \"elapsed\": xx,      (numeric) the number of blocks elapsed since the beginning of the current period \n" +
        "           \"count\": xx,        (numeric) the number of blocks with the version bit set in the current period \n" +
        "           \"possible\": xx       (boolean) returns false if there are not enough blocks left in this period to pass activation threshold \n" +
        "        }\n" +
        "     }\n" +
        "  }\n" +
        "  \"warnings\" : \"...\",         (string) any network and blockchain warnings.\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        var tip = chain.Tip;
        var progress = tip is BlockIndexEntry entry
            ? VerificationProgress.Guess(entry, time.GetUtcNow().ToUnixTimeSeconds())
            : 1.0;
        var pruneMode = chain is ChainManager { Settings.PruneMode: true };
        var info = new JsonObject
        {
            ["chain"] = chainParams.Name,
            ["blocks"] = tip.Height,
            ["headers"] = chain.BestHeader.Height,
            ["bestblockhash"] = tip.HashBlock.ToString(),
            ["difficulty"] = Difficulty.ToJson(tip.Bits),
            ["mediantime"] = tip.GetMedianTimePast(),
            ["verificationprogress"] = JsonNumber.FromDouble(progress),
            ["chainwork"] = ChainWorkHex.Format(tip.ChainWork),
            ["pruned"] = pruneMode,
            ["softforks"] = softForks.SoftForks(tip),
            ["bip9_softforks"] = softForks.Bip9SoftForks(tip),
        };

        // 0.15 adds the lowest height of the unbroken run of stored blocks ending at the tip, after the soft forks.
        if (pruneMode && tip is BlockIndexEntry tipEntry)
        {
            info["pruneheight"] = PruningExecutor.FirstHeightWithData(tipEntry);
        }

        info["warnings"] = warnings?.StatusBar ?? string.Empty;
        return ValueTask.FromResult<JsonNode?>(info);
    }
}
