using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>getblockheader "hash" ( verbose ): any indexed header, as an object or as its 80 bytes in hex.</summary>
public sealed class GetBlockHeaderMethod(ChainManager chain) : IRpcMethod
{
    private const string ExampleHash = "\"e2acdf2dd19a702e5d12a925f1e984b01e47a933562ca893656d4afb38b44ee3\"";

    public string Name => "getblockheader";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = ["blockhash", "verbose"];

    public int MinArguments => 1;

    public int MaxArguments => 2;

    public string Help =>
        "getblockheader \"hash\" ( verbose )\n" +
        "\nIf verbose is false, returns a string that is serialized, hex-encoded data for blockheader 'hash'.\n" +
        "If verbose is true, returns an Object with information about blockheader <hash>.\n" +
        "\nArguments:\n" +
        "1. \"hash\"          (string, required) The block hash\n" +
        "2. verbose           (boolean, optional, default=true) true for a json object, false for the hex encoded data\n" +
        "\nResult (for verbose = true):\n" +
        "{\n" +
        "  \"hash\" : \"hash\",     (string) the block hash (same as provided)\n" +
        "  \"confirmations\" : n,   (numeric) The number of confirmations, or -1 if the block is not on the main chain\n" +
        "  \"height\" : n,          (numeric) The block height or index\n" +
        "  \"version\" : n,         (numeric) The block version\n" +
        "  \"versionHex\" : \"00000000\", (string) The block version formatted in hexadecimal\n" +
        "  \"merkleroot\" : \"xxxx\", (string) The merkle root\n" +
        "  \"time\" : ttt,          (numeric) The block time in seconds since epoch (Jan 1 1970 GMT)\n" +
        "  \"mediantime\" : ttt,    (numeric) The median block time in seconds since epoch (Jan 1 1970 GMT)\n" +
        "  \"nonce\" : n,           (numeric) The nonce\n" +
        "  \"bits\" : \"1d00ffff\", (string) The bits\n" +
        "  \"difficulty\" : x.xxx,  (numeric) The difficulty\n" +
        "  \"chainwork\" : \"0000...1f3\"     (string) Expected number of hashes required to produce the current chain (in hex)\n" +
        "  \"previousblockhash\" : \"hash\",  (string) The hash of the previous block\n" +
        "  \"nextblockhash\" : \"hash\",      (string) The hash of the next block\n" +
        "}\n" +
        "\nResult (for verbose=false):\n" +
        "\"data\"             (string) A string that is serialized, hex-encoded data for block 'hash'.\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, ExampleHash) +
        RpcHelpExamples.Rpc(Name, ExampleHash);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var hash = HashArguments.ParseLenient(parameters.GetString(0));
        var verbose = parameters.IsNull(1) || parameters.GetBoolean(1);
        var entry = chain.FindBlock(hash) ?? throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Block not found");
        if (!verbose)
        {
            var bytes = new byte[BlockHeaderBytes.Size];
            BlockHeaderBytes.Write(entry.Header, bytes);
            return ValueTask.FromResult<JsonNode?>(JsonValue.Create(Convert.ToHexStringLower(bytes)));
        }

        var position = ActiveChainPosition.Of(entry, chain.Tip);
        return ValueTask.FromResult<JsonNode?>(BlockHeaderJson.ToJson(entry, position.Confirmations, position.NextBlockHash));
    }
}
