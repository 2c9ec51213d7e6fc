using System.Text.Json.Nodes;
using Faithcoin.Node.Mempool;

namespace Faithcoin.Node.Rpc.Methods.Mempool;

/// <summary>
/// getmempoolancestors and getmempooldescendants: the in-pool relatives of an entry (not the entry itself), as
/// txids or, verbose, as entries keyed by txid.
/// </summary>
public abstract class MempoolRelativesMethod(TransactionPool pool) : IRpcMethod
{
    public abstract string Name { get; }

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = ["txid", "verbose"];

    public int MinArguments => 1;

    public int MaxArguments => 2;

    public abstract string Help { get; }

    protected abstract HashSet<MempoolEntry> Relatives(MempoolEntry entry);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var verbose = !parameters.IsNull(1) && parameters.GetBoolean(1);
        var (txid, _) = MempoolTxidArgument.Resolve(pool, parameters, 0);
        IReadOnlyList<MempoolEntryView> relatives;
        lock (pool.Gate)
        {
            var entry = pool.Find(txid) ?? throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Transaction not in mempool");
            relatives = Relatives(entry).Select(e => pool.GetEntry(e.Txid)!).OrderBy(e => e.Txid.ToString(), StringComparer.Ordinal).ToArray();
        }

        if (!verbose)
        {
            var ids = new JsonArray();
            foreach (var relative in relatives)
            {
                ids.Add(relative.Txid.ToString());
            }

            return ValueTask.FromResult<JsonNode?>(ids);
        }

        var result = new JsonObject();
        foreach (var relative in relatives)
        {
            result[relative.Txid.ToString()] = MempoolEntryJson.ToJson(relative);
        }

        return ValueTask.FromResult<JsonNode?>(result);
    }

    protected static string HelpText(string name, string what) =>
        $"{name} txid (verbose)\n" +
        $"\nIf txid is in the mempool, returns all in-mempool {what}.\n" +
        "\nArguments:\n" +
        "1. \"txid\"                 (string, required) The transaction id (must be in mempool)\n" +
        "2. verbose                  (boolean, optional, default=false) True for a json object, false for array of transaction ids\n" +
        "\nResult (for verbose=false):\n" +
        "[                       (json array of strings)\n" +
        $"  \"transactionid\"           (string) The transaction id of an in-mempool {what[..^1]}\n" +
        "  ,...\n" +
        "]\n" +
        "\nResult (for verbose=true):\n" +
        "{                           (json object)\n" +
        "  \"transactionid\" : {       (json object)\n" +
        MempoolEntryJson.HelpFields +
        "  }, ...\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(name, "\"mytxid\"") +
        RpcHelpExamples.Rpc(name, "\"mytxid\"");
}
