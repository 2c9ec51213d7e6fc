using System.Text.Json.Nodes;
using Faithcoin.Node.Statistics;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>gettxoutsetinfo's result object, fields in the original's order.</summary>
public static class UtxoSetStatisticsJson
{
    public static JsonObject ToJson(UtxoSetStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new JsonObject
        {
            ["height"] = statistics.Height,
            ["bestblock"] = statistics.BestBlock.ToString(),
            ["transactions"] = statistics.Transactions,
            ["txouts"] = statistics.TransactionOutputs,
            ["bogosize"] = statistics.BogoSize,
            ["hash_serialized_2"] = statistics.HashSerialized.ToString(),
            ["disk_size"] = statistics.DiskSize,
            ["total_amount"] = AmountJson.ToJson(statistics.TotalAmount),
        };
    }
}
