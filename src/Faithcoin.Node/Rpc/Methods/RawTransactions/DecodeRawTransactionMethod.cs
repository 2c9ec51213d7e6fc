using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>decoderawtransaction "hexstring": TxToUniv without hex or block fields; -22 when the hex is no transaction.</summary>
public sealed class DecodeRawTransactionMethod(RawTransactionCodec codec, TransactionJson transactionJson) : IRpcMethod
{
    public string Name => "decoderawtransaction";

    public RpcCategory Category => RpcCategory.RawTransactions;

    public IReadOnlyList<string> ArgumentNames { get; } = ["hexstring"];

    public int MinArguments => 1;

    public int MaxArguments => 1;

    public string Help =>
        "decoderawtransaction \"hexstring\"\n" +
        "\nReturn a JSON object representing the serialized, hex-encoded transaction.\n" +
        "\nArguments:\n" +
        "1. \"hexstring\"      (string, required) The transaction hex string\n" +
        "\nResult:\n" +
        "{\n" +
        "  \"txid\" : \"id\",        (string) The transaction id\n" +
        "  \"hash\" : \"id\",        (string) The transaction hash (differs from txid for witness transactions)\n" +
        "  \"size\" : n,             (numeric) The transaction size\n" +
        "  \"vsize\" : n,            (numeric) The virtual transaction size (differs from size for witness transactions)\n" +
        "  \"version\" : n,          (numeric) The version\n" +
        "  \"locktime\" : ttt,       (numeric) The lock time\n" +
        "  \"vin\" : [               (array of json objects)\n" +
        "     {\n" +
        "       \"txid\": \"id\",    (string) The transaction id\n" +
        "       \"vout\": n,         (numeric) The output number\n" +
        "       \"scriptSig\": {     (json object) The script\n" +
        "         \"asm\": \"asm\",  (string) asm\n" +
        "         \"hex\": \"hex\"   (string) hex\n" +
        "       },\n" +
        "       \"txinwitness\": [\"hex\", ...] (array of string) hex-encoded witness data (if any)\n" +
        "       \"sequence\": n     (numeric) The script sequence number\n" +
        "     }\n" +
        "     ,...\n" +
        "  ],\n" +
        "  \"vout\" : [             (array of json objects)\n" +
        "     {\n" +
        "       \"value\" : x.xxx,            (numeric) The value in FAITH\n" +
        "       \"n\" : n,                    (numeric) index\n" +
        "       \"scriptPubKey\" : {          (json object)\n" +
        "         \"asm\" : \"asm\",          (string) the asm\n" +
        "         \"hex\" : \"hex\",          (string) the hex\n" +
        "         \"reqSigs\" : n,            (numeric) The required sigs\n" +
        "         \"type\" : \"pubkeyhash\",  (string) The type, eg 'pubkeyhash'\n" +
        "         \"addresses\" : [           (json array of string)\n" +
        "           \"address\"   (string) faithcoin address\n" +
        "           ,...\n" +
        "         ]\n" +
        "       }\n" +
        "     }\n" +
        "     ,...\n" +
        "  ],\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli("decoderawtransaction", "\"hexstring\"") +
        RpcHelpExamples.Rpc("decoderawtransaction", "\"hexstring\"");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        JsonArguments.RequireKind(parameters[0], JsonValueKind.String, allowNull: false);
        if (!codec.TryDecode(parameters.GetString(0), tryNoWitness: true, out var transaction))
        {
            throw new RpcException(RpcErrorCode.DeserializationError, "TX decode failed");
        }

        return ValueTask.FromResult<JsonNode?>(transactionJson.ToJson(transaction, includeHex: false));
    }
}
