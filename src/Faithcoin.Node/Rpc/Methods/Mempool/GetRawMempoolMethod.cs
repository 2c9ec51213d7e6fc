using System.Text.Json.Nodes;
using Faithcoin.Node.Mempool;

namespace Faithcoin.Node.Rpc.Methods.Mempool;

/// <summary>getrawmempool ( verbose ): the pool's txids, or an object of entries keyed by txid.</summary>
public sealed class GetRawMempoolMethod(IMempoolView mempool) : IRpcMethod
{
    public string Name => "getrawmempool";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = ["verbose"];

    public int MinArguments => 0;

    public int MaxArguments => 1;

    public string Help =>
        "getrawmempool ( verbose )\n" +
        "\nReturns all transaction ids in memory pool as a json array of string transaction ids.\n" +
        "\nHint: use getmempoolentry to fetch a specific transaction from the mempool.\n" +
        "\nArguments:\n" +
        "1. verbose (boolean, optional, default=false) True for a json object, false for array of transaction ids\n" +
        "\nResult: (for verbose = false):\n" +
        "[                     (json array of string)\n" +
        "  \"transactionid\"     (string) The transaction id\n" +
        "  ,...\n" +
        "]\n" +
        "\nResult: (for verbose = true):\n" +
        "{                           (json object)\n" +
        "  \"transactionid\" : {       (json object)\n" +
        MempoolEntryJson.HelpFields +
        "  }, ...\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, "true") +
        RpcHelpExamples.Rpc(Name, "true");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var verbose = !parameters.IsNull(0) && parameters.GetBoolean(0);
        return ValueTask.FromResult<JsonNode?>(ToJson(mempool, verbose));
    }

    /// <summary>mempoolToJSON, shared with /rest/mempool/contents.json.</summary>
    public static JsonNode ToJson(IMempoolView mempool, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(mempool);
        var entries = mempool.GetEntries().OrderBy(e => e.Txid.ToString(), StringComparer.Ordinal);
        if (verbose)
        {
            var result = new JsonObject();
            foreach (var entry in entries)
            {
                result[entry.Txid.ToString()] = MempoolEntryJson.ToJson(entry);
            }

            return result;
        }

        var ids = new JsonArray();
        foreach (var entry in entries)
        {
            ids.Add(entry.Txid.ToString());
        }

        return ids;
    }
}
