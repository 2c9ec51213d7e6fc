using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Chain.Queries;
using NBitcoin;
using NBitcoin.DataEncoders;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>
/// gettxoutproof ["txid",...] ( blockhash ): a serialized merkle block proving the transactions are in one block.
/// Without a block hash the block is found through an unspent output of the first txid (no -txindex), as 0.15 does.
/// </summary>
public sealed class GetTxOutProofMethod(ChainManager chain, TransactionLookup lookup) : IRpcMethod
{
    public string Name => "gettxoutproof";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = ["txids", "blockhash"];

    public int MinArguments => 1;

    public int MaxArguments => 2;

    public string Help =>
        "gettxoutproof [\"txid\",...] ( blockhash )\n" +
        "\nReturns a hex-encoded proof that \"txid\" was included in a block.\n" +
        "\nNOTE: By default this function only works sometimes. This is when there is an\n" +
        "unspent output in the utxo for this transaction. To make it always work,\n" +
        "you need to maintain a transaction index, using the -txindex command line option or\n" +
        "specify the block in which the transaction is included manually (by blockhash).\n" +
        "\nArguments:\n" +
        "1. \"txids\"       (string) A json array of txids to filter\n" +
        "    [\n" +
        "      \"txid\"     (string) A transaction hash\n" +
        "      ,...\n" +
        "    ]\n" +
        "2. \"blockhash\"   (string, optional) If specified, looks for txid in the block with this hash\n" +
        "\nResult:\n" +
        "\"data\"           (string) A string that is a serialized, hex-encoded data for the proof.\n";

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters[0] is not { ValueKind: JsonValueKind.Array } array)
        {
            throw new RpcException(RpcErrorCode.TypeError, "Expected type array, got " + TypeName(parameters[0]));
        }

        var txids = new List<uint256>();
        foreach (var item in array.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : string.Empty;
            if (text.Length != 64 || !text.All(char.IsAsciiHexDigit))
            {
                throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid txid " + text);
            }

            var txid = uint256.Parse(text);
            if (txids.Contains(txid))
            {
                throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, duplicated txid: " + text);
            }

            txids.Add(txid);
        }

        if (txids.Count == 0)
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid parameter, txids must not be empty");
        }

        BlockIndexEntry? entry;
        if (!parameters.IsNull(1))
        {
            var hash = HashArguments.ParseLenient(parameters.GetString(1));
            entry = chain.FindBlock(hash) ?? throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Block not found");
        }
        else
        {
            entry = lookup.Find(txids[0])?.Block
                ?? throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Transaction not yet in block");
        }

        var block = chain.ReadBlock(entry) ?? throw new RpcException(RpcErrorCode.InternalError, "Can't read block from disk");
        var inBlock = block.Transactions.Select(t => t.GetHash()).ToHashSet();
        if (txids.Count(inBlock.Contains) != txids.Count)
        {
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Not all transactions found in specified or retrieved block");
        }

        var proof = new MerkleBlock(block, txids.ToArray());
        return ValueTask.FromResult<JsonNode?>(Encoders.Hex.EncodeData(proof.ToBytes()));
    }

    private static string TypeName(JsonElement? value) => value?.ValueKind switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "bool",
    };
}
