using System.Text.Json.Nodes;
using Faithcoin.Node.ChainView;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>getblockcount: the height of the active chain's tip.</summary>
public sealed class GetBlockCountMethod(IChainView chain) : IRpcMethod
{
    public string Name => "getblockcount";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "getblockcount\n" +
        "\nReturns the number of blocks in the longest blockchain.\n" +
        "\nResult:\n" +
        "n    (numeric) The current block count\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken) =>
        ValueTask.FromResult<JsonNode?>(JsonValue.Create(chain.Tip.Height));
}
