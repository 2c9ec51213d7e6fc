using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Rpc.Methods.RawTransactions;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.Util;

/// <summary>
/// createmultisig nrequired ["key",...]: the P2SH address and redeem script of an m-of-n bare multisig. Without a
/// wallet 0.15 takes only hex public keys (fully valid on the curve); its checks throw plain errors, so they are -1.
/// </summary>
public sealed class CreateMultisigMethod(AddressDecoder addresses) : IRpcMethod
{
    private const int MaxScriptElementSize = 520;

    public string Name => "createmultisig";

    public RpcCategory Category => RpcCategory.Util;

    public IReadOnlyList<string> ArgumentNames { get; } = ["nrequired", "keys"];

    public int MinArguments => 2;

    public int MaxArguments => 2;

    public string Help =>
        "createmultisig nrequired [\"key\",...]\n" +
        "\nCreates a multi-signature address with n signature of m keys required.\n" +
        "It returns a json object with the address and redeemScript.\n" +
        "\nArguments:\n" +
        "1. nrequired      (numeric, required) The number of required signatures out of the n keys or addresses.\n" +
        "2. \"keys\"       (string, required) A json array of keys which are faithcoin addresses or hex-encoded public keys\n" +
        "     [\n" +
        "       \"key\"    (string) faithcoin address or hex-encoded public key\n" +
        "       ,...\n" +
        "     ]\n" +
        "\nResult:\n" +
        "{\n" +
        "  \"address\":\"multisigaddress\",  (string) The value of the new multisig address.\n" +
        "  \"redeemScript\":\"script\"       (string) The string value of the hex-encoded redemption script.\n" +
        "}\n" +
        "\nExamples:\n" +
        "\nCreate a multisig address from 2 addresses\n" +
        RpcHelpExamples.Cli("createmultisig", "2 \"[\\\"16sSauSf5pF2UkUwvKGq4qjNRzBZYqgEL5\\\",\\\"171sgjn4YtPu27adkKGrdDwzRTxnRkBfKV\\\"]\"") +
        "\nAs a json rpc call\n" +
        RpcHelpExamples.Rpc("createmultisig", "2, \"[\\\"16sSauSf5pF2UkUwvKGq4qjNRzBZYqgEL5\\\",\\\"171sgjn4YtPu27adkKGrdDwzRTxnRkBfKV\\\"]\"");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var required = parameters.GetInt32(0);
        if (parameters[1] is not { ValueKind: JsonValueKind.Array } keys)
        {
            throw new RpcException(RpcErrorCode.MiscError, "JSON value is not an array as expected");
        }

        var count = keys.GetArrayLength();
        if (required < 1)
        {
            throw Misc("a multisignature address must require at least one key to redeem");
        }

        if (count < required)
        {
            throw Misc(string.Create(
                CultureInfo.InvariantCulture,
                $"not enough keys supplied (got {count} keys, but need at least {required} to redeem)"));
        }

        if (count > 16)
        {
            throw Misc("Number of addresses involved in the multisignature address creation > 16\nReduce the number");
        }

        var pubKeys = keys.EnumerateArray().Select(k => ParsePubKey(JsonArguments.GetString(k))).ToArray();
        var redeemScript = PayToMultiSigTemplate.Instance.GenerateScriptPubKey(required, pubKeys);
        var bytes = redeemScript.ToBytes(true);
        if (bytes.Length > MaxScriptElementSize)
        {
            throw Misc(string.Create(
                CultureInfo.InvariantCulture,
                $"redeemScript exceeds size limit: {bytes.Length} > {MaxScriptElementSize}"));
        }

        var result = new JsonObject
        {
            ["address"] = redeemScript.Hash.GetAddress(addresses.Network).ToString(),
            ["redeemScript"] = Convert.ToHexStringLower(bytes),
        };
        return ValueTask.FromResult<JsonNode?>(result);
    }

    /// <summary>CPubKey::IsFullyValid: a well-formed key that is a point on the curve.</summary>
    private static PubKey ParsePubKey(string text)
    {
        if (JsonArguments.IsHex(text) && PubKey.TryCreatePubKey(Convert.FromHexString(text), out var key))
        {
            return key;
        }

        throw Misc(" Invalid public key: " + text);
    }

    private static RpcException Misc(string message) => new(RpcErrorCode.MiscError, message);
}
