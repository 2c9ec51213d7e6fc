using System.Text.Json.Nodes;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.Mempool;

/// <summary>0.15's entryToJSON: amounts in coins except the aggregate fees, which are satoshis; depends sorted.</summary>
public static class MempoolEntryJson
{
    public static JsonObject ToJson(MempoolEntryView e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var depends = new JsonArray();
        foreach (var parent in e.Depends.Select(d => d.ToString()).Order(StringComparer.Ordinal))
        {
            depends.Add(parent);
        }

        return new JsonObject
        {
            ["size"] = e.VirtualSize,
            ["fee"] = AmountJson.ToJson(e.Fee),
            ["modifiedfee"] = AmountJson.ToJson(e.ModifiedFee),
            ["time"] = e.Time,
            ["height"] = e.Height,
            ["descendantcount"] = e.DescendantCount,
            ["descendantsize"] = e.DescendantSize,
            ["descendantfees"] = e.DescendantFees,
            ["ancestorcount"] = e.AncestorCount,
            ["ancestorsize"] = e.AncestorSize,
            ["ancestorfees"] = e.AncestorFees,
            ["depends"] = depends,
        };
    }

    /// <summary>The help text's description of one entry, shared by the mempool methods.</summary>
    public const string HelpFields =
        "    \"size\" : n,             (numeric) virtual transaction size as defined in BIP 141. This is different from actual serialized size for witness transactions as witness data is discounted.\n" +
        "    \"fee\" : n,              (numeric) transaction fee in FAITH\n" +
        "    \"modifiedfee\" : n,      (numeric) transaction fee with fee deltas used for mining priority\n" +
        "    \"time\" : n,             (numeric) local time transaction entered pool in seconds since 1 Jan 1970 GMT\n" +
        "    \"height\" : n,           (numeric) block height when transaction entered pool\n" +
        "    \"descendantcount\" : n,  (numeric) number of in-mempool descendant transactions (including this one)\n" +
        "    \"descendantsize\" : n,   (numeric) virtual transaction size of in-mempool descendants (including this one)\n" +
        "    \"descendantfees\" : n,   (numeric) modified fees (see above) of in-mempool descendants (including this one)\n" +
        "    \"ancestorcount\" : n,    (numeric) number of in-mempool ancestor transactions (including this one)\n" +
        "    \"ancestorsize\" : n,     (numeric) virtual transaction size of in-mempool ancestors (including this one)\n" +
        "    \"ancestorfees\" : n,     (numeric) modified fees (see above) of in-mempool ancestors (including this one)\n" +
        "    \"depends\" : [           (array) unconfirmed transactions used as inputs for this transaction\n" +
        "        \"transactionid\",    (string) parent transaction id\n" +
        "       ... ]\n";
}
