using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Rpc.Formatting;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// decodescript "hexstring": ScriptPubKeyToUniv without hex, plus the P2SH address that would wrap the script
/// (omitted when it is already P2SH). 0.15 has no "segwit" member yet; that came with 0.16.
/// </summary>
public sealed class DecodeScriptMethod(ChainParams chainParams) : IRpcMethod
{
    public string Name => "decodescript";

    public RpcCategory Category => RpcCategory.RawTransactions;

    public IReadOnlyList<string> ArgumentNames { get; } = ["hexstring"];

    public int MinArguments => 1;

    public int MaxArguments => 1;

    public string Help =>
        "decodescript \"hexstring\"\n" +
        "\nDecode a hex-encoded script.\n" +
        "\nArguments:\n" +
        "1. \"hexstring\"     (string) the hex encoded script\n" +
        "\nResult:\n" +
        "{\n" +
        "  \"asm\":\"asm\",   (string) Script public key\n" +
        "  \"hex\":\"hex\",   (string) hex encoded public key\n" +
        "  \"type\":\"type\", (string) The output type\n" +
        "  \"reqSigs\": n,    (numeric) The required signatures\n" +
        "  \"addresses\": [   (json array of string)\n" +
        "     \"address\"     (string) faithcoin address\n" +
        "     ,...\n" +
        "  ],\n" +
        "  \"p2sh\",\"address\" (string) address of P2SH script wrapping this redeem script (not returned if the script is already a P2SH).\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli("decodescript", "\"hexstring\"") +
        RpcHelpExamples.Rpc("decodescript", "\"hexstring\"");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        JsonArguments.RequireKind(parameters[0], JsonValueKind.String, allowNull: false);
        var hex = parameters.GetString(0);
        var script = hex.Length == 0 ? [] : JsonArguments.ParseHex(hex, "argument");
        var result = ScriptPubKeyJson.ToJson(script, chainParams.Network, includeHex: false);
        if (result["type"]?.GetValue<string>() != "scripthash")
        {
            result["p2sh"] = new ScriptId(NBitcoin.Crypto.Hashes.Hash160(script)).GetAddress(chainParams.Network).ToString();
        }

        return ValueTask.FromResult<JsonNode?>(result);
    }
}
