using System.Text.Json.Nodes;
using Faithcoin.Node.Chain;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>reconsiderblock "blockhash" (hidden): clears invalidateblock's marks on the block, its ancestors and descendants.</summary>
public sealed class ReconsiderBlockMethod(ChainManager chain) : IRpcMethod
{
    private const string ExampleHash = "\"blockhash\"";

    public string Name => "reconsiderblock";

    public RpcCategory Category => RpcCategory.Hidden;

    public IReadOnlyList<string> ArgumentNames { get; } = ["blockhash"];

    public int MinArguments => 1;

    public int MaxArguments => 1;

    public string Help =>
        "reconsiderblock \"blockhash\"\n" +
        "\nRemoves invalidity status of a block and its descendants, reconsider them for activation.\n" +
        "This can be used to undo the effects of invalidateblock.\n" +
        "\nArguments:\n" +
        "1. \"blockhash\"   (string, required) the hash of the block to reconsider\n" +
        "\nResult:\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, ExampleHash) +
        RpcHelpExamples.Rpc(Name, ExampleHash);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        BlockTreeEdits.Apply(chain.ReconsiderBlock, HashArguments.ParseLenient(parameters.GetString(0)));
        return ValueTask.FromResult<JsonNode?>(null);
    }
}
