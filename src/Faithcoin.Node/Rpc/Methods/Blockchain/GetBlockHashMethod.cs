using System.Text.Json.Nodes;
using Faithcoin.Node.ChainView;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>getblockhash height: the hash of the active chain's block at that height.</summary>
public sealed class GetBlockHashMethod(IChainView chain) : IRpcMethod
{
    public string Name => "getblockhash";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = ["height"];

    public int MinArguments => 1;

    public int MaxArguments => 1;

    public string Help =>
        "getblockhash height\n" +
        "\nReturns hash of block in best-block-chain at height provided.\n" +
        "\nArguments:\n" +
        "1. height         (numeric, required) The height index\n" +
        "\nResult:\n" +
        "\"hash\"         (string) The block hash\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, "1000") +
        RpcHelpExamples.Rpc(Name, "1000");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var height = parameters.GetInt32(0);
        var block = chain.GetBlockAtHeight(height)
            ?? throw new RpcException(RpcErrorCode.InvalidParameter, "Block height out of range");
        return ValueTask.FromResult<JsonNode?>(JsonValue.Create(block.HashBlock.ToString()));
    }
}
