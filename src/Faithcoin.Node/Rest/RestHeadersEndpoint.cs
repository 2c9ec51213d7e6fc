using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Rpc.Formatting;
using Faithcoin.Node.Rpc.Methods.Blockchain;
using Microsoft.AspNetCore.Http;
using NBitcoin;

namespace Faithcoin.Node.Rest;

/// <summary>
/// /rest/headers/&lt;count&gt;/&lt;hash&gt;: up to count headers of the active chain from hash upwards; none when the block
/// is unknown or on another branch.
/// </summary>
public sealed class RestHeadersEndpoint(ChainManager chain)
{
    private const int MaxCount = 2000;

    public RestReply Handle(string uriPart)
    {
        var (param, format) = RestResource.Parse(uriPart);
        var path = param.Split('/');
        if (path.Length != 2)
        {
            return RestReply.Error(StatusCodes.Status400BadRequest, "No header count specified. Use /rest/headers/<count>/<hash>.<ext>.");
        }

        var count = CLong.Strtol(path[0]);
        if (count is < 1 or > MaxCount)
        {
            return RestReply.Error(StatusCodes.Status400BadRequest, "Header count out of range: " + path[0]);
        }

        if (!RestHash.TryParse(path[1], out var hash))
        {
            return RestReply.Error(StatusCodes.Status400BadRequest, "Invalid hash: " + path[1]);
        }

        var (headers, tip) = chain.ReadLocked(context =>
        {
            var found = new List<ChainedHeader>();
            for (var entry = context.Index.Find(hash); entry is not null && context.Active.Contains(entry); entry = context.Active.Next(entry))
            {
                found.Add(entry);
                if (found.Count == count)
                {
                    break;
                }
            }

            return (found, (ChainedHeader)context.Active.Tip!);
        });

        var bytes = new byte[headers.Count * BlockHeaderBytes.Size];
        for (var i = 0; i < headers.Count; i++)
        {
            BlockHeaderBytes.Write(headers[i].Header, bytes.AsSpan(i * BlockHeaderBytes.Size));
        }

        // The original's message for this endpoint leaves out .json although it serves it.
        return RestReply.Serialized(format, bytes, () => Json(headers, tip), ".bin, .hex");
    }

    private static JsonArray Json(IReadOnlyList<ChainedHeader> headers, ChainedHeader tip)
    {
        var array = new JsonArray();
        foreach (var header in headers)
        {
            var position = ActiveChainPosition.Of(header, tip);
            array.Add(BlockHeaderJson.ToJson(header, position.Confirmations, position.NextBlockHash));
        }

        return array;
    }
}
