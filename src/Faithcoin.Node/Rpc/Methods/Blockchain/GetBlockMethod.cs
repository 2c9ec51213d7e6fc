using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>getblock "blockhash" ( verbosity ): the stored block as hex (0), as an object (1) or with its transactions (2).</summary>
public sealed class GetBlockMethod(ChainManager chain, BlockJson blockJson, RpcSerialization? serialization = null) : IRpcMethod
{
    private const string ExampleHash = "\"e2acdf2dd19a702e5d12a925f1e984b01e47a933562ca893656d4afb38b44ee3\"";

    public string Name => "getblock";

    public RpcCategory Category => RpcCategory.Blockchain;

    // 0.15's table names the second argument "verbose", from before it took a verbosity level.
    public IReadOnlyList<string> ArgumentNames { get; } = ["blockhash", "verbose"];

    public int MinArguments => 1;

    public int MaxArguments => 2;

    public string Help =>
        "getblock \"blockhash\" ( verbosity ) \n" +
        "\nIf verbosity is 0, returns a string that is serialized, hex-encoded data for block 'hash'.\n" +
        "If verbosity is 1, returns an Object with information about block <hash>.\n" +
        "If verbosity is 2, returns an Object with information about block <hash> and information about each transaction. \n" +
        "\nArguments:\n" +
        "1. \"blockhash\"          (string, required) The block hash\n" +
        "2. verbosity              (numeric, optional, default=1) 0 for hex encoded data, 1 for a json object, and 2 for json object with transaction data\n" +
        "\nResult (for verbosity = 0):\n" +
        "\"data\"             (string) A string that is serialized, hex-encoded data for block 'hash'.\n" +
        "\nResult (for verbosity = 1):\n" +
        "{\n" +
        "  \"hash\" : \"hash\",     (string) the block hash (same as provided)\n" +
        "  \"confirmations\" : n,   (numeric) The number of confirmations, or -1 if the block is not on the main chain\n" +
        "  \"size\" : n,            (numeric) The block size\n" +
        "  \"strippedsize\" : n,    (numeric) The block size excluding witness data\n" +
        "  \"weight\" : n           (numeric) The block weight as defined in BIP 141\n" +
        "  \"height\" : n,          (numeric) The block height or index\n" +
        "  \"version\" : n,         (numeric) The block version\n" +
        "  \"versionHex\" : \"00000000\", (string) The block version formatted in hexadecimal\n" +
        "  \"merkleroot\" : \"xxxx\", (string) The merkle root\n" +
        "  \"tx\" : [               (array of string) The transaction ids\n" +
        "     \"transactionid\"     (string) The transaction id\n" +
        "     ,...\n" +
        "  ],\n" +
        "  \"time\" : ttt,          (numeric) The block time in seconds since epoch (Jan 1 1970 GMT)\n" +
        "  \"mediantime\" : ttt,    (numeric) The median block time in seconds since epoch (Jan 1 1970 GMT)\n" +
        "  \"nonce\" : n,           (numeric) The nonce\n" +
        "  \"bits\" : \"1d00ffff\", (string) The bits\n" +
        "  \"difficulty\" : x.xxx,  (numeric) The difficulty\n" +
        "  \"chainwork\" : \"xxxx\",  (string) Expected number of hashes required to produce the chain up to this block (in hex)\n" +
        "  \"previousblockhash\" : \"hash\",  (string) The hash of the previous block\n" +
        "  \"nextblockhash\" : \"hash\"       (string) The hash of the next block\n" +
        "}\n" +
        "\nResult (for verbosity = 2):\n" +
        "{\n" +
        "  ...,                     Same output as verbosity = 1.\n" +
        "  \"tx\" : [               (array of Objects) The transactions in the format of the getrawtransaction RPC. Different from verbosity = 1 \"tx\" result.\n" +
        "         ,...\n" +
        "  ],\n" +
        "  ,...                     Same output as verbosity = 1.\n" +
        "}\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, ExampleHash) +
        RpcHelpExamples.Rpc(Name, ExampleHash);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var hash = HashArguments.ParseLenient(parameters.GetString(0));
        var verbosity = 1;
        if (!parameters.IsNull(1))
        {
            // Before 0.15 the argument was a boolean; both forms are accepted.
            verbosity = parameters[1]!.Value.ValueKind == JsonValueKind.Number
                ? parameters.GetInt32(1)
                : parameters.GetBoolean(1) ? 1 : 0;
        }

        var entry = chain.FindBlock(hash) ?? throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Block not found");
        var tip = chain.Tip;
        if (verbosity <= 0)
        {
            var bytes = chain.ReadBlockBytes(entry) ?? throw NotOnDisk(entry);
            var hex = (serialization ?? new RpcSerialization()).BlockHex(bytes, () => chain.ReadBlock(entry) ?? throw NotOnDisk(entry));
            return ValueTask.FromResult<JsonNode?>(JsonValue.Create(hex));
        }

        var block = chain.ReadBlock(entry) ?? throw NotOnDisk(entry);
        var position = ActiveChainPosition.Of(entry, tip);
        return ValueTask.FromResult<JsonNode?>(blockJson.ToJson(block, entry, position.Confirmations, position.NextBlockHash, verbosity >= 2));
    }

    // Only the header is known (e.g. an unrequested block that was never stored), or the block was pruned: 0.15 tells
    // the two apart by the transaction count, which a pruned entry keeps.
    private RpcException NotOnDisk(BlockIndexEntry entry) =>
        entry.TransactionCount > 0 && !entry.HaveData && chain.HavePruned
            ? new(RpcErrorCode.MiscError, "Block not available (pruned data)")
            : new(RpcErrorCode.MiscError, "Block not found on disk");
}
