using System.Text.Json.Nodes;
using Faithcoin.Node.Chain;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>preciousblock "blockhash": prefer the block over others of equal work.</summary>
public sealed class PreciousBlockMethod(ChainManager chain) : IRpcMethod
{
    private const string ExampleHash = "\"blockhash\"";

    public string Name => "preciousblock";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = ["blockhash"];

    public int MinArguments => 1;

    public int MaxArguments => 1;

    public string Help =>
        "preciousblock \"blockhash\"\n" +
        "\nTreats a block as if it were received before others with the same work.\n" +
        "\nA later preciousblock call can override the effect of an earlier one.\n" +
        "\nThe effects of preciousblock are not retained across restarts.\n" +
        "\nArguments:\n" +
        "1. \"blockhash\"   (string, required) the hash of the block to mark as precious\n" +
        "\nResult:\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, ExampleHash) +
        RpcHelpExamples.Rpc(Name, ExampleHash);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        BlockTreeEdits.Apply(chain.PreciousBlock, HashArguments.ParseLenient(parameters.GetString(0)));
        return ValueTask.FromResult<JsonNode?>(null);
    }
}
