using Faithcoin.Node.Mempool;
using Faithcoin.Node.Rpc.Methods.Mempool;

namespace Faithcoin.Node.Rest;

/// <summary>/rest/mempool/info.json (getmempoolinfo) and /rest/mempool/contents.json (getrawmempool true); JSON only.</summary>
public sealed class RestMempoolEndpoint(IMempoolView mempool)
{
    private const string JsonOnly = "json";

    public RestReply Info(string uriPart) =>
        RestResource.Parse(uriPart).Format != RestFormat.Json
            ? RestReply.FormatNotFound(JsonOnly)
            : RestReply.Json(GetMempoolInfoMethod.ToJson(mempool.GetInfo()));

    public RestReply Contents(string uriPart) =>
        RestResource.Parse(uriPart).Format != RestFormat.Json
            ? RestReply.FormatNotFound(JsonOnly)
            : RestReply.Json(GetRawMempoolMethod.ToJson(mempool, verbose: true));
}
