using System.Text.Json.Nodes;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Rpc.Methods.Blockchain;

namespace Faithcoin.Node.Rpc.Methods.Mempool;

/// <summary>prioritisetransaction txid dummy fee_delta: mining treats the transaction as paying fee_delta more.</summary>
public sealed class PrioritiseTransactionMethod(TransactionPool pool) : IRpcMethod
{
    public string Name => "prioritisetransaction";

    public RpcCategory Category => RpcCategory.Mining;

    public IReadOnlyList<string> ArgumentNames { get; } = ["txid", "dummy", "fee_delta"];

    public int MinArguments => 3;

    public int MaxArguments => 3;

    public string Help =>
        "prioritisetransaction <txid> <dummy value> <fee delta>\n" +
        "Accepts the transaction into mined blocks at a higher (or lower) priority\n" +
        "\nArguments:\n" +
        "1. \"txid\"       (string, required) The transaction id.\n" +
        "2. dummy          (numeric, optional) API-Compatibility for previous API. Must be zero or null.\n" +
        "                  DEPRECATED. For forward compatibility use named arguments and omit this parameter.\n" +
        "3. fee_delta      (numeric, required) The fee value (in satoshis) to add (or subtract, if negative).\n" +
        "                  The fee is not actually paid, only the algorithm for selecting transactions into a block\n" +
        "                  considers the transaction as it would have paid a higher (or lower) fee.\n" +
        "\nResult:\n" +
        "true              (boolean) Returns true\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, "\"txid\" 0.0 10000") +
        RpcHelpExamples.Rpc(Name, "\"txid\", 0.0, 10000");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var txid = HashArguments.ParseStrict(parameters, 0, "txid");
        var delta = parameters.GetInt64(2);
        if (parameters[1] is { } dummy && (dummy.ValueKind != System.Text.Json.JsonValueKind.Number || dummy.GetDouble() != 0))
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, "Priority is no longer supported, dummy argument to prioritisetransaction must be 0.");
        }

        pool.Prioritise(txid, delta);
        return ValueTask.FromResult<JsonNode?>(true);
    }
}
