using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Mempool.Policy;
using Faithcoin.Node.Networking;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// sendrawtransaction "hexstring" ( allowhighfees ): into the pool (unless already there or confirmed), then
/// announced to every peer, as 0.15 does even for a transaction the pool already had.
/// </summary>
public sealed class SendRawTransactionMethod(
    ChainManager chain,
    TransactionPool pool,
    MempoolAcceptor acceptor,
    RawTransactionCodec codec,
    PolicySettings policy,
    NetworkState network) : IRpcMethod
{
    public string Name => "sendrawtransaction";

    public RpcCategory Category => RpcCategory.RawTransactions;

    public IReadOnlyList<string> ArgumentNames { get; } = ["hexstring", "allowhighfees"];

    public int MinArguments => 1;

    public int MaxArguments => 2;

    public string Help =>
        "sendrawtransaction \"hexstring\" ( allowhighfees )\n" +
        "\nSubmits raw transaction (serialized, hex-encoded) to local node and network.\n" +
        "\nAlso see createrawtransaction and signrawtransaction calls.\n" +
        "\nArguments:\n" +
        "1. \"hexstring\"    (string, required) The hex string of the raw transaction)\n" +
        "2. allowhighfees    (boolean, optional, default=false) Allow high fees\n" +
        "\nResult:\n" +
        "\"hex\"             (string) The transaction hash in hex\n" +
        "\nExamples:\n" +
        "\nCreate a transaction\n" +
        RpcHelpExamples.Cli("createrawtransaction", "\"[{\\\"txid\\\" : \\\"mytxid\\\",\\\"vout\\\":0}]\" \"{\\\"myaddress\\\":0.01}\"") +
        "Sign the transaction, and get back the hex\n" +
        RpcHelpExamples.Cli("signrawtransaction", "\"myhex\"") +
        "\nSend the transaction (signed hex)\n" +
        RpcHelpExamples.Cli(Name, "\"signedhex\"") +
        "\nAs a json rpc call\n" +
        RpcHelpExamples.Rpc(Name, "\"signedhex\"");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        JsonArguments.RequireKind(parameters[0], JsonValueKind.String, allowNull: false);

        if (!codec.TryDecode(parameters.GetString(0), tryNoWitness: false, out var tx))
        {
            throw new RpcException(RpcErrorCode.DeserializationError, "TX decode failed");
        }

        var maxFee = !parameters.IsNull(1) && parameters.GetBoolean(1) ? 0 : policy.MaxTxFee;
        var txid = tx.GetHash();
        var inChain = Enumerable.Range(0, tx.Outputs.Count).Any(n => chain.GetCoin(new OutPoint(txid, n)) is not null);
        if (!pool.Contains(txid) && !inChain)
        {
            var result = acceptor.Accept(tx, maxFee);
            if (result.MissingInputs)
            {
                throw new RpcException(RpcErrorCode.VerifyError, "Missing inputs");
            }

            if (!result.Accepted)
            {
                throw new RpcException(RpcErrorCode.VerifyRejected, string.Create(CultureInfo.InvariantCulture, $"{result.Code}: {result.Error!.Reason}"));
            }
        }
        else if (inChain)
        {
            throw new RpcException(RpcErrorCode.VerifyAlreadyInChain, "transaction already in block chain");
        }

        var node = network.Node ?? throw new RpcException(RpcErrorCode.ClientP2PDisabled, "Error: Peer-to-peer functionality missing or disabled");
        node.RelayTransaction(txid);
        return ValueTask.FromResult<JsonNode?>(txid.ToString());
    }
}
