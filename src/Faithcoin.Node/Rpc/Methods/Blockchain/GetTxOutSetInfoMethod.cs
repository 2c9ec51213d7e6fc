using System.Globalization;
using System.Text.Json.Nodes;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Rpc.Formatting;
using Faithcoin.Node.Statistics;
using Faithcoin.Node.Storage;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>
/// gettxoutsetinfo: statistics over a frozen snapshot of the flushed UTXO set, hash_serialized_2 as 0.15 computes it.
/// The chain keeps moving while the set is read.
/// </summary>
public sealed class GetTxOutSetInfoMethod(ChainManager chain) : IRpcMethod
{
    // RocksDB's figure for the coins family's table files, the nearest to leveldb's approximate size of the range.
    private const string DiskSizeProperty = "rocksdb.total-sst-files-size";

    public string Name => "gettxoutsetinfo";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "gettxoutsetinfo\n" +
        "\nReturns statistics about the unspent transaction output set.\n" +
        "Note this call may take some time.\n" +
        "\nResult:\n" +
        "{\n" +
        "  \"height\":n,     (numeric) The current block height (index)\n" +
        "  \"bestblock\": \"hex\",   (string) the best block hash hex\n" +
        "  \"transactions\": n,      (numeric) The number of transactions\n" +
        "  \"txouts\": n,            (numeric) The number of output transactions\n" +
        "  \"bogosize\": n,          (numeric) A meaningless metric for UTXO set size\n" +
        "  \"hash_serialized_2\": \"hash\", (string) The serialized hash\n" +
        "  \"disk_size\": n,         (numeric) The estimated size of the chainstate on disk\n" +
        "  \"total_amount\": x.xxx          (numeric) The total amount\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        UtxoSetStatistics statistics;
        try
        {
            using var snapshot = chain.OpenCoinsSnapshot();
            var best = snapshot.BestBlock ?? throw new StorageException("the coins have no best block");
            var entry = chain.FindBlock(best) ?? throw new StorageException($"the coins' best block {best} is not indexed");
            var diskSize = long.TryParse(chain.Store.Database.GetProperty(DiskSizeProperty), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                ? size
                : 0;
            statistics = UtxoSetStatisticsCalculator.Compute(
                best,
                entry.Height,
                snapshot.Coins.Select(c =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return (c.Key, c.Value);
                }),
                diskSize);
        }
        catch (StorageException)
        {
            throw new RpcException(RpcErrorCode.InternalError, "Unable to read UTXO set");
        }

        return ValueTask.FromResult<JsonNode?>(UtxoSetStatisticsJson.ToJson(statistics));
    }
}
