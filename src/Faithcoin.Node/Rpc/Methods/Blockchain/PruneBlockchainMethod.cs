using System.Text.Json.Nodes;
using Faithcoin.Node.Chain;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>pruneblockchain height: 0.15's manual pruning, by height or by a block time (values above 10^9).</summary>
public sealed class PruneBlockchainMethod(ChainManager chain) : IRpcMethod
{
    /// <summary>TIMESTAMP_WINDOW: block times may lag this far behind the real time, so a timestamp prunes 2 h less.</summary>
    private const long TimestampWindowSeconds = 2 * 60 * 60;

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

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!chain.Settings.PruneMode)
        {
            throw new RpcException(RpcErrorCode.MiscError, "Cannot prune blocks because node is not in prune mode.");
        }

        var height = parameters.GetInt32(0);
        if (height < 0)
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, "Negative block height.");
        }

        // More than a billion is too high for a height and too low for a block time before September 2001.
        var tip = chain.Tip;
        if (height > 1_000_000_000)
        {
            var earliest = FindEarliestAtLeast(tip, height - TimestampWindowSeconds)
                           ?? throw new RpcException(RpcErrorCode.InvalidParameter, "Could not find block with at least the specified timestamp.");
            height = earliest.Height;
        }

        if (tip.Height < PruningPlanner.PruneAfterHeight(chain.ChainParams))
        {
            throw new RpcException(RpcErrorCode.MiscError, "Blockchain is too short for pruning.");
        }

        if (height > tip.Height)
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, "Blockchain is shorter than the attempted prune height.");
        }

        // 0.15 only logs this (category rpc) and prunes what it may.
        height = Math.Min(height, tip.Height - PruningPlanner.MinBlocksToKeep);
        chain.PruneBlockFilesManual(height);
        return ValueTask.FromResult<JsonNode?>(JsonValue.Create(height));
    }

    // CChain::FindEarliestAtLeast: the first active block whose time, or an ancestor's, reaches the timestamp.
    private static BlockIndexEntry? FindEarliestAtLeast(BlockIndexEntry tip, long time)
    {
        var maxTime = long.MinValue;
        for (var height = 0; height <= tip.Height; height++)
        {
            var block = tip.GetAncestor(height)!;
            maxTime = Math.Max(maxTime, block.Header.BlockTime.ToUnixTimeSeconds());
            if (maxTime >= time)
            {
                return block;
            }
        }

        return null;
    }
}
