using System.Text.Json.Nodes;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.Mempool;

/// <summary>getmempoolinfo: the pool's size, bytes, memory use, limit and the fee rate needed to enter it now.</summary>
public sealed class GetMempoolInfoMethod(IMempoolView mempool) : IRpcMethod
{
    public string Name => "getmempoolinfo";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "getmempoolinfo\n" +
        "\nReturns details on the active state of the TX memory pool.\n" +
        "\nResult:\n" +
        "{\n" +
        "  \"size\": xxxxx,               (numeric) Current tx count\n" +
        "  \"bytes\": xxxxx,              (numeric) Sum of all virtual transaction sizes as defined in BIP 141. Differs from actual serialized size because witness data is discounted\n" +
        "  \"usage\": xxxxx,              (numeric) Total memory usage for the mempool\n" +
        "  \"maxmempool\": xxxxx,         (numeric) Maximum memory usage for the mempool\n" +
        "  \"mempoolminfee\": xxxxx       (numeric) Minimum feerate (FAITH per KB) for tx to be accepted\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken) =>
        ValueTask.FromResult<JsonNode?>(ToJson(mempool.GetInfo()));

    /// <summary>mempoolInfoToJSON, shared with /rest/mempool/info.json.</summary>
    public static JsonObject ToJson(MempoolInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new JsonObject
        {
            ["size"] = info.Size,
            ["bytes"] = info.Bytes,
            ["usage"] = info.Usage,
            ["maxmempool"] = info.MaxMempool,
            ["mempoolminfee"] = AmountJson.ToJson(info.MinFeePerKilobyte),
        };
    }
}
