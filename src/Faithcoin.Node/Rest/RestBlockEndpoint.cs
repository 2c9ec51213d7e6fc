using Faithcoin.Node.Chain;
using Faithcoin.Node.Rpc.Formatting;
using Faithcoin.Node.Rpc.Methods.Blockchain;
using Microsoft.AspNetCore.Http;

namespace Faithcoin.Node.Rest;

/// <summary>/rest/block/&lt;hash&gt; (transactions in full) and /rest/block/notxdetails/&lt;hash&gt; (txids only), on any branch.</summary>
public sealed class RestBlockEndpoint(ChainManager chain, BlockJson blockJson)
{
    public RestReply Handle(string uriPart, bool transactionDetails)
    {
        var (hashText, format) = RestResource.Parse(uriPart);
        if (!RestHash.TryParse(hashText, out var hash))
        {
            return RestReply.Error(StatusCodes.Status400BadRequest, "Invalid hash: " + hashText);
        }

        // As the original, the block is read before the format is looked at: an unknown block is 404 whatever the format.
        if (chain.FindBlock(hash) is not { } entry || chain.ReadBlockBytes(entry) is not { } bytes)
        {
            return RestReply.Error(StatusCodes.Status404NotFound, hashText + " not found");
        }

        return RestReply.Serialized(format, bytes, () =>
        {
            var block = chain.ReadBlock(entry)!;
            var position = ActiveChainPosition.Of(entry, chain.Tip);
            return blockJson.ToJson(block, entry, position.Confirmations, position.NextBlockHash, transactionDetails);
        }, RestReply.AllFormats);
    }
}
