using System.Text.Json.Nodes;
using Faithcoin.Node.Mempool;

namespace Faithcoin.Node.Rpc.Methods.Mempool;

/// <summary>getmempoolentry txid: one entry, or -5 when the pool does not have it.</summary>
public sealed class GetMempoolEntryMethod(IMempoolView mempool) : IRpcMethod
{
    public string Name => "getmempoolentry";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = ["txid"];

    public int MinArguments => 1;

    public int MaxArguments => 1;

    public string Help =>
        "getmempoolentry txid\n" +
        "\nReturns mempool data for given transaction\n" +
        "\nArguments:\n" +
        "1. \"txid\"                   (string, required) The transaction id (must be in mempool)\n" +
        "\nResult:\n" +
        "{                           (json object)\n" +
        MempoolEntryJson.HelpFields +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, "\"mytxid\"") +
        RpcHelpExamples.Rpc(Name, "\"mytxid\"");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        var (_, entry) = MempoolTxidArgument.Resolve(mempool, parameters, 0);
        return ValueTask.FromResult<JsonNode?>(MempoolEntryJson.ToJson(entry));
    }
}
