using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Rpc.Formatting;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>
/// gettxout "txid" n ( include_mempool ): an unspent output of the UTXO set, or null. There is no mempool yet, so
/// include_mempool changes nothing.
/// </summary>
public sealed class GetTxOutMethod(ChainManager chain, ChainParams chainParams) : IRpcMethod
{
    public string Name => "gettxout";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = ["txid", "n", "include_mempool"];

    public int MinArguments => 2;

    public int MaxArguments => 3;

    public string Help =>
        "gettxout \"txid\" n ( include_mempool )\n" +
        "\nReturns details about an unspent transaction output.\n" +
        "\nArguments:\n" +
        "1. \"txid\"             (string, required) The transaction id\n" +
        "2. \"n\"                (numeric, required) vout number\n" +
        "3. \"include_mempool\"  (boolean, optional) Whether to include the mempool. Default: true." +
        "     Note that an unspent output that is spent in the mempool won't appear.\n" +
        "\nResult:\n" +
        "{\n" +
        "  \"bestblock\" : \"hash\",    (string) the block hash\n" +
        "  \"confirmations\" : n,       (numeric) The number of confirmations\n" +
        "  \"value\" : x.xxx,           (numeric) The transaction value in FAITH\n" +
        "  \"scriptPubKey\" : {         (json object)\n" +
        "     \"asm\" : \"code\",       (string) \n" +
        "     \"hex\" : \"hex\",        (string) \n" +
        "     \"reqSigs\" : n,          (numeric) Number of required signatures\n" +
        "     \"type\" : \"pubkeyhash\", (string) The type, eg pubkeyhash\n" +
        "     \"addresses\" : [          (array of string) array of faithcoin addresses\n" +
        "        \"address\"     (string) faithcoin address\n" +
        "        ,...\n" +
        "     ]\n" +
        "  },\n" +
        "  \"coinbase\" : true|false   (boolean) Coinbase or not\n" +
        "}\n" +
        "\nExamples:\n" +
        "\nGet unspent transactions\n" +
        RpcHelpExamples.Cli("listunspent", string.Empty) +
        "\nView the details\n" +
        RpcHelpExamples.Cli(Name, "\"txid\" 1") +
        "\nAs a json rpc call\n" +
        RpcHelpExamples.Rpc(Name, "\"txid\", 1");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var txid = HashArguments.ParseLenient(parameters.GetString(0));
        var n = parameters.GetInt32(1);
        if (!parameters.IsNull(2))
        {
            parameters.GetBoolean(2);
        }

        // The coin and the best block must come from the same moment, or confirmations could be off by a block.
        var (coin, best) = chain.ReadLocked(context =>
            (context.Coins.GetCoin(new OutPoint(txid, unchecked((uint)n))), context.Active.Tip!));
        if (coin is null)
        {
            return ValueTask.FromResult<JsonNode?>(null);
        }

        var result = new JsonObject
        {
            ["bestblock"] = best.HashBlock.ToString(),
            ["confirmations"] = (long)best.Height - coin.Height + 1,
            ["value"] = AmountJson.ToJson(coin.Value),
            ["scriptPubKey"] = ScriptPubKeyJson.ToJson(coin.Output.ScriptPubKey, chainParams.Network),
            ["coinbase"] = coin.IsCoinbase,
        };
        return ValueTask.FromResult<JsonNode?>(result);
    }
}
