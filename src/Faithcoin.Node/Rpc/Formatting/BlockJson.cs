using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Blocks;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// Core 0.15's blockToJSON (getblock verbosity 1 and 2): sizes and version from the block itself, height,
/// median time, difficulty and chain work from its block index entry.
/// </summary>
public sealed class BlockJson
{
    private readonly TransactionJson transactions;

    public BlockJson(TransactionJson transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        this.transactions = transactions;
    }

    /// <param name="entry">The block's index entry (height, median time past, chain work, parent).</param>
    /// <param name="confirmations">Tip height - height + 1 in the active chain, -1 off it.</param>
    /// <param name="nextBlockHash">The next block in the active chain, if any.</param>
    /// <param name="transactionDetails">Verbosity 2: each transaction as an object (with hex) instead of its txid.</param>
    public JsonObject ToJson(Block block, ChainedHeader entry, int confirmations, uint256? nextBlockHash, bool transactionDetails)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(entry);
        var header = block.Header;
        var txs = new JsonArray();
        foreach (var tx in block.Transactions)
        {
            txs.Add(transactionDetails ? transactions.ToJson(tx, includeHex: true) : JsonValue.Create(tx.GetHash().ToString()));
        }

        var bits = header.Bits.ToCompact();
        var result = new JsonObject
        {
            ["hash"] = entry.HashBlock.ToString(),
            ["confirmations"] = confirmations,
            ["strippedsize"] = BlockSizes.StrippedSize(block),
            ["size"] = BlockSizes.TotalSize(block),
            ["weight"] = BlockSizes.Weight(block),
            ["height"] = entry.Height,
            ["version"] = header.Version,
            ["versionHex"] = BlockHeaderJson.VersionHex(header.Version),
            ["merkleroot"] = header.HashMerkleRoot.ToString(),
            ["tx"] = txs,
            ["time"] = header.BlockTime.ToUnixTimeSeconds(),
            ["mediantime"] = entry.GetMedianTimePast(),
            ["nonce"] = header.Nonce,
            ["bits"] = BlockHeaderJson.BitsHex(bits),
            ["difficulty"] = Difficulty.ToJson(entry.Bits),
            ["chainwork"] = ChainWorkHex.Format(entry.ChainWork),
        };
        BlockHeaderJson.AppendNeighbours(result, entry, nextBlockHash);
        return result;
    }
}
