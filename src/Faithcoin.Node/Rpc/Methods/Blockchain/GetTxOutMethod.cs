using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Rpc.Formatting;
using NBitcoin;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>
/// gettxout "txid" n ( include_mempool ): an unspent output of the UTXO set, or null. With include_mempool (the
/// default) outputs of pool transactions count too (0 confirmations) and outputs a pool transaction spends do not.
/// </summary>
public sealed class GetTxOutMethod(ChainManager chain, ChainParams chainParams, IMempoolView mempool) : IRpcMethod
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
        var includeMempool = parameters.IsNull(2) || parameters.GetBoolean(2);
        var outpoint = new OutPoint(txid, unchecked((uint)n));

        // The coin and the best block must come from the same moment, or confirmations could be off by a block.
        var (coin, best) = chain.ReadLocked(context =>
        {
            var found = context.Coins.GetCoin(outpoint);
            if (includeMempool)
            {
                found = mempool.IsSpent(outpoint) ? null
                    : found ?? (mempool.GetOutput(outpoint) is { } output ? new Coin(output, MempoolAcceptor.MempoolHeight, false) : null);
            }

            return (found, context.Active.Tip!);
        });
        if (coin is null)
        {
            return ValueTask.FromResult<JsonNode?>(null);
        }

        var result = new JsonObject
        {
            ["bestblock"] = best.HashBlock.ToString(),
            ["confirmations"] = coin.Height == MempoolAcceptor.MempoolHeight ? 0 : (long)best.Height - coin.Height + 1,
            ["value"] = AmountJson.ToJson(coin.Value),
            ["scriptPubKey"] = ScriptPubKeyJson.ToJson(coin.Output.ScriptPubKey, chainParams.Network),
            ["coinbase"] = coin.IsCoinbase,
        };
        return ValueTask.FromResult<JsonNode?>(result);
    }
}
