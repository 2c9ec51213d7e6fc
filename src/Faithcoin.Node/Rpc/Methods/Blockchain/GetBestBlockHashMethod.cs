using System.Text.Json.Nodes;
using Faithcoin.Node.ChainView;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>getbestblockhash: the hash of the active chain's tip.</summary>
public sealed class GetBestBlockHashMethod(IChainView chain) : IRpcMethod
{
    public string Name => "getbestblockhash";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "getbestblockhash\n" +
        "\nReturns the hash of the best (tip) block in the longest blockchain.\n" +
        "\nResult:\n" +
        "\"hex\"      (string) the block hash hex encoded\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken) =>
        ValueTask.FromResult<JsonNode?>(JsonValue.Create(chain.Tip.HashBlock.ToString()));
}
