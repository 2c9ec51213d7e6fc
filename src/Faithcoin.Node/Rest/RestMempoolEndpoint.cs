using System.Text.Json.Nodes;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rest;

/// <summary>/rest/mempool/info.json (getmempoolinfo) and /rest/mempool/contents.json (getrawmempool true); JSON only.</summary>
public sealed class RestMempoolEndpoint(RestMempool mempool)
{
    private const string JsonOnly = "json";

    public RestReply Info(string uriPart)
    {
        if (RestResource.Parse(uriPart).Format != RestFormat.Json)
        {
            return RestReply.FormatNotFound(JsonOnly);
        }

        var info = mempool.Info();
        return RestReply.Json(new JsonObject
        {
            ["size"] = info.Size,
            ["bytes"] = info.Bytes,
            ["usage"] = info.Usage,
            ["maxmempool"] = info.MaxMempool,
            ["mempoolminfee"] = AmountJson.ToJson(info.MinFeePerKilobyte),
        });
    }

    public RestReply Contents(string uriPart)
    {
        if (RestResource.Parse(uriPart).Format != RestFormat.Json)
        {
            return RestReply.FormatNotFound(JsonOnly);
        }

        var contents = new JsonObject();
        foreach (var entry in mempool.Entries())
        {
            contents[entry.Txid.ToString()] = EntryJson(entry);
        }

        return RestReply.Json(contents);
    }

    /// <summary>entryToJSON of 0.15: fees of the entry in coins, the aggregates in satoshis, parents sorted by txid text.</summary>
    private static JsonObject EntryJson(MempoolEntryView entry) => new()
    {
        ["size"] = entry.VirtualSize,
        ["fee"] = AmountJson.ToJson(entry.Fee),
        ["modifiedfee"] = AmountJson.ToJson(entry.ModifiedFee),
        ["time"] = entry.Time,
        ["height"] = entry.Height,
        ["descendantcount"] = entry.DescendantCount,
        ["descendantsize"] = entry.DescendantSize,
        ["descendantfees"] = entry.DescendantFees,
        ["ancestorcount"] = entry.AncestorCount,
        ["ancestorsize"] = entry.AncestorSize,
        ["ancestorfees"] = entry.AncestorFees,
        ["depends"] = new JsonArray(entry.Depends.Select(d => d.ToString()).Order(StringComparer.Ordinal)
            .Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
    };
}
