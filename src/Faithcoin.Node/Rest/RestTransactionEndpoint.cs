using Faithcoin.Node.Chain.Queries;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Rpc.Formatting;
using Microsoft.AspNetCore.Http;
using NBitcoin;

namespace Faithcoin.Node.Rest;

/// <summary>
/// /rest/tx/&lt;txid&gt;: 0.15's GetTransaction without -txindex, as getrawtransaction: the mempool first (no block
/// hash then), else the block of one of the transaction's unspent outputs.
/// </summary>
public sealed class RestTransactionEndpoint(TransactionLookup lookup, TransactionJson transactionJson)
{
    public RestReply Handle(string uriPart)
    {
        var (hashText, format) = RestResource.Parse(uriPart);
        if (!RestHash.TryParse(hashText, out var txid))
        {
            return RestReply.Error(StatusCodes.Status400BadRequest, "Invalid hash: " + hashText);
        }

        // The mempool first, then the block of an unspent output (no -txindex), as getrawtransaction.
        if (lookup.Find(txid) is not { } found)
        {
            return RestReply.Error(StatusCodes.Status404NotFound, hashText + " not found");
        }

        var tx = found.Transaction;
        var blockHash = found.Block?.HashBlock;

        return RestReply.Serialized(format, tx.ToBytes(), () =>
        {
            // TxToUniv: the block hash, when known, comes before "hex"; REST adds no confirmations or times.
            var entry = transactionJson.ToJson(tx, includeHex: false);
            if (blockHash is not null)
            {
                entry["blockhash"] = blockHash.ToString();
            }

            entry["hex"] = tx.ToHex();
            return entry;
        }, RestReply.AllFormats);
    }
}
