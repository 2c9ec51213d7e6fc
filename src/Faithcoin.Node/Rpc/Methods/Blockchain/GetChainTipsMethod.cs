using System.Text.Json.Nodes;
using Faithcoin.Node.Chain.Queries;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>getchaintips: every leaf of the block tree with its branch length and status.</summary>
public sealed class GetChainTipsMethod(ChainTipsQuery tips) : IRpcMethod
{
    public string Name => "getchaintips";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "getchaintips\n" +
        "Return information about all known tips in the block tree, including the main chain as well as orphaned branches.\n" +
        "\nResult:\n" +
        "[\n" +
        "  {\n" +
        "    \"height\": xxxx,         (numeric) height of the chain tip\n" +
        "    \"hash\": \"xxxx\",         (string) block hash of the tip\n" +
        "    \"branchlen\": 0          (numeric) zero for main chain\n" +
        "    \"status\": \"active\"      (string) \"active\" for the main chain\n" +
        "  },\n" +
        "  {\n" +
        "    \"height\": xxxx,\n" +
        "    \"hash\": \"xxxx\",\n" +
        "    \"branchlen\": 1          (numeric) length of branch connecting the tip to the main chain\n" +
        "    \"status\": \"xxxx\"        (string) status of the chain (active, valid-fork, valid-headers, headers-only, invalid)\n" +
        "  }\n" +
        "]\n" +
        "Possible values for status:\n" +
        "1.  \"invalid\"               This branch contains at least one invalid block\n" +
        "2.  \"headers-only\"          Not all blocks for this branch are available, but the headers are valid\n" +
        "3.  \"valid-headers\"         All blocks are available for this branch, but they were never fully validated\n" +
        "4.  \"valid-fork\"            This branch is not part of the active chain, but is fully validated\n" +
        "5.  \"active\"                This is the tip of the active main chain, which is certainly valid\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        var result = new JsonArray();
        foreach (var tip in tips.GetTips())
        {
            result.Add(new JsonObject
            {
                ["height"] = tip.Entry.Height,
                ["hash"] = tip.Entry.HashBlock.ToString(),
                ["branchlen"] = tip.BranchLength,
                ["status"] = tip.Status,
            });
        }

        return ValueTask.FromResult<JsonNode?>(result);
    }
}
