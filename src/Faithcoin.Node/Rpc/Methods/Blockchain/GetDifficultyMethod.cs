using System.Text.Json.Nodes;
using Faithcoin.Node.ChainView;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>getdifficulty: the difficulty of the active tip's bits.</summary>
public sealed class GetDifficultyMethod(IChainView chain) : IRpcMethod
{
    public string Name => "getdifficulty";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "getdifficulty\n" +
        "\nReturns the proof-of-work difficulty as a multiple of the minimum difficulty.\n" +
        "\nResult:\n" +
        "n.nnn       (numeric) the proof-of-work difficulty as a multiple of the minimum difficulty.\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken) =>
        ValueTask.FromResult<JsonNode?>(Difficulty.ToJson(chain.Tip.Bits));
}
