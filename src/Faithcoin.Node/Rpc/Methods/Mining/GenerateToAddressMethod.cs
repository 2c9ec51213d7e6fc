using System.Text.Json.Nodes;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Mining;

namespace Faithcoin.Node.Rpc.Methods.Mining;

/// <summary>
/// generatetoaddress nblocks address ( maxtries ): 0.15's generateBlocks. Each block is assembled on the tip, ground
/// until its hash meets the target and handed to ProcessNewBlock, which makes it durable before the next one starts;
/// the call stops early when the tries run out.
/// </summary>
public sealed class GenerateToAddressMethod(
    ChainManager chain,
    TemplateFactory templates,
    ProofOfWorkMiner miner,
    MiningAddressParser addresses) : IRpcMethod
{
    public string Name => "generatetoaddress";

    public RpcCategory Category => RpcCategory.Generating;

    public IReadOnlyList<string> ArgumentNames { get; } = ["nblocks", "address", "maxtries"];

    public int MinArguments => 2;

    public int MaxArguments => 3;

    public string Help =>
        "generatetoaddress nblocks address (maxtries)\n" +
        "\nMine blocks immediately to a specified address (before the RPC call returns)\n" +
        "\nArguments:\n" +
        "1. nblocks      (numeric, required) How many blocks are generated immediately.\n" +
        "2. address      (string, required) The address to send the newly generated faithcoin to.\n" +
        "3. maxtries     (numeric, optional) How many iterations to try (default = 1000000).\n" +
        "\nResult:\n" +
        "[ blockhashes ]     (array) hashes of blocks generated\n" +
        "\nExamples:\n" +
        "\nGenerate 11 blocks to myaddress\n" +
        RpcHelpExamples.Cli(Name, "11 \"myaddress\"");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var count = parameters.GetInt32(0);
        var maxTries = parameters.IsNull(2) ? MiningBudget.DefaultMaxTries : parameters.GetInt32(2);
        var script = addresses.ParseCoinbaseScript(parameters.GetString(1));

        // 0.15 keeps the count in a uint64_t, so a negative maxtries is a huge budget.
        var budget = new MiningBudget(maxTries < 0 ? long.MaxValue : maxTries);
        var hashes = new JsonArray();
        for (var mined = 0; mined < count; mined++)
        {
            var template = templates.Create(script);
            var block = template.Block;
            if (!miner.TryMine(block, template.Height, budget, cancellationToken))
            {
                break;
            }

            if (!chain.ProcessNewBlock(block, forceProcessing: true).Accepted)
            {
                throw new RpcException(RpcErrorCode.InternalError, "ProcessNewBlock, block not accepted");
            }

            hashes.Add(block.GetHash().ToString());
        }

        return ValueTask.FromResult<JsonNode?>(hashes);
    }
}
