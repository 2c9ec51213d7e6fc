using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// combinerawtransaction ["hexstring",...]: the first transaction with every input's signatures merged from all of
/// them. Each input's coin must be unspent (-25), since merging checks signatures against the spent script.
/// </summary>
public sealed class CombineRawTransactionMethod(RawTransactionCodec codec, ISpendableCoinSource coins) : IRpcMethod
{
    public string Name => "combinerawtransaction";

    public RpcCategory Category => RpcCategory.RawTransactions;

    public IReadOnlyList<string> ArgumentNames { get; } = ["txs"];

    public int MinArguments => 1;

    public int MaxArguments => 1;

    public string Help =>
        "combinerawtransaction [\"hexstring\",...]\n" +
        "\nCombine multiple partially signed transactions into one transaction.\n" +
        "The combined transaction may be another partially signed transaction or a \n" +
        "fully signed transaction." +
        "\nArguments:\n" +
        "1. \"txs\"         (string) A json array of hex strings of partially signed transactions\n" +
        "    [\n" +
        "      \"hexstring\"     (string) A transaction hash\n" +
        "      ,...\n" +
        "    ]\n" +
        "\nResult:\n" +
        "\"hex\"            (string) The hex-encoded raw transaction with signature(s)\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli("combinerawtransaction", "[\"myhex1\", \"myhex2\", \"myhex3\"]");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters[0] is not { ValueKind: JsonValueKind.Array } hexes)
        {
            throw new RpcException(RpcErrorCode.MiscError, "JSON value is not an array as expected");
        }

        var variants = new List<Transaction>();
        foreach (var hex in hexes.EnumerateArray())
        {
            if (!codec.TryDecode(JsonArguments.GetString(hex), tryNoWitness: true, out var variant))
            {
                throw new RpcException(
                    RpcErrorCode.DeserializationError,
                    string.Create(CultureInfo.InvariantCulture, $"TX decode failed for tx {variants.Count}"));
            }

            variants.Add(variant);
        }

        if (variants.Count == 0)
        {
            throw new RpcException(RpcErrorCode.DeserializationError, "Missing transactions");
        }

        var merged = variants[0].Clone();
        var constant = variants[0].Clone();
        for (var i = 0; i < merged.Inputs.Count; i++)
        {
            var spent = coins.FindUnspent(merged.Inputs[i].PrevOut)
                ?? throw new RpcException(RpcErrorCode.VerifyError, "Input not found or already spent");
            var checker = new InputSignatureChecker(constant, i, spent);
            var data = SignatureData.Empty;
            foreach (var variant in variants.Where(v => v.Inputs.Count > i))
            {
                data = SignatureCombiner.Combine(spent.ScriptPubKey.ToBytes(true), checker, data, InputScripts.Read(variant.Inputs[i]));
            }

            InputScripts.Write(merged.Inputs[i], data);
        }

        return ValueTask.FromResult<JsonNode?>(JsonValue.Create(RawTransactionCodec.Encode(merged)));
    }
}
