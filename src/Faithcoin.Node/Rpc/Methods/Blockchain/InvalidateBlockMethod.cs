using System.Text.Json.Nodes;
using Faithcoin.Node.Chain;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>invalidateblock "blockhash" (hidden): marks the block and its descendants invalid and moves off them.</summary>
public sealed class InvalidateBlockMethod(ChainManager chain) : IRpcMethod
{
    private const string ExampleHash = "\"blockhash\"";

    public string Name => "invalidateblock";

    public RpcCategory Category => RpcCategory.Hidden;

    public IReadOnlyList<string> ArgumentNames { get; } = ["blockhash"];

    public int MinArguments => 1;

    public int MaxArguments => 1;

    public string Help =>
        "invalidateblock \"blockhash\"\n" +
        "\nPermanently marks a block as invalid, as if it violated a consensus rule.\n" +
        "\nArguments:\n" +
        "1. \"blockhash\"   (string, required) the hash of the block to mark as invalid\n" +
        "\nResult:\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, ExampleHash) +
        RpcHelpExamples.Rpc(Name, ExampleHash);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        BlockTreeEdits.Apply(chain.InvalidateBlock, HashArguments.ParseLenient(parameters.GetString(0)));
        return ValueTask.FromResult<JsonNode?>(null);
    }
}
