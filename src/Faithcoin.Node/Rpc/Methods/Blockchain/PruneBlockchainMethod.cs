using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>pruneblockchain height: faithcoind refuses -prune for now, so this always answers as 0.15 does outside prune mode.</summary>
public sealed class PruneBlockchainMethod : IRpcMethod
{
    public string Name => "pruneblockchain";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = ["height"];

    public int MinArguments => 1;

    public int MaxArguments => 1;

    public string Help =>
        "pruneblockchain\n" +
        "\nArguments:\n" +
        "1. \"height\"       (numeric, required) The block height to prune up to. May be set to a discrete height, or a unix timestamp\n" +
        "                  to prune blocks whose block time is at least 2 hours older than the provided timestamp.\n" +
        "\nResult:\n" +
        "n    (numeric) Height of the last block pruned.\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, "1000") +
        RpcHelpExamples.Rpc(Name, "1000");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken) =>
        throw new RpcException(RpcErrorCode.MiscError, "Cannot prune blocks because node is not in prune mode.");
}
