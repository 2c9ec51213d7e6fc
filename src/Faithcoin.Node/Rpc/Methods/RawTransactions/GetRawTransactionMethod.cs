using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Chain.Queries;
using Faithcoin.Node.Rpc.Formatting;
using Faithcoin.Node.Rpc.Methods.Blockchain;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// getrawtransaction "txid" ( verbose ): a mempool transaction, with -txindex any confirmed one, otherwise a confirmed
/// one only through one of its unspent outputs (see <see cref="TransactionLookup"/>).
/// </summary>
public sealed class GetRawTransactionMethod(ChainManager chain, TransactionLookup lookup, TransactionJson transactionJson, RpcSerialization? serialization = null) : IRpcMethod
{
    public string Name => "getrawtransaction";

    public RpcCategory Category => RpcCategory.RawTransactions;

    public IReadOnlyList<string> ArgumentNames { get; } = ["txid", "verbose"];

    public int MinArguments => 1;

    public int MaxArguments => 2;

    public string Help => GetRawTransactionHelp.Text;

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var txid = HashArguments.ParseStrict(parameters, 0, "parameter 1");
        var verbose = false;
        if (parameters[1] is { } flag)
        {
            verbose = flag.ValueKind switch
            {
                JsonValueKind.Number => parameters.GetInt32(1) != 0,
                JsonValueKind.True or JsonValueKind.False => flag.GetBoolean(),
                _ => throw new RpcException(RpcErrorCode.TypeError, "Invalid type provided. Verbose parameter must be a boolean."),
            };
        }

        var found = lookup.Find(txid)
                    ?? throw new RpcException(RpcErrorCode.InvalidAddressOrKey, (chain.Settings.TxIndex ? "No such mempool or blockchain transaction" : "No such mempool transaction. Use -txindex to enable blockchain transaction queries") + ". Use gettransaction for wallet transactions.");
        if (!verbose)
        {
            return ValueTask.FromResult<JsonNode?>(JsonValue.Create((serialization ?? new RpcSerialization()).TransactionHex(found.Transaction)));
        }

        var block = found.Block;
        if (block is null)
        {
            return ValueTask.FromResult<JsonNode?>(transactionJson.ToJson(found.Transaction, null));
        }

        var tip = chain.Tip;
        var location = ReferenceEquals(tip.GetAncestor(block.Height), block)
            ? TransactionLocation.InActiveChain(block.HashBlock, tip.Height - block.Height + 1, block.Time)
            : TransactionLocation.OffActiveChain(block.HashBlock);
        return ValueTask.FromResult<JsonNode?>(transactionJson.ToJson(found.Transaction, location));
    }
}
