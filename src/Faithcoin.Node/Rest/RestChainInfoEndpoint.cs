using Faithcoin.Node.Rpc;

namespace Faithcoin.Node.Rest;

/// <summary>/rest/chaininfo.json: getblockchaininfo's answer, as the original calls the RPC method itself.</summary>
public sealed class RestChainInfoEndpoint(IRpcMethodTable methods)
{
    public async ValueTask<RestReply> HandleAsync(string uriPart, CancellationToken cancellationToken)
    {
        if (RestResource.Parse(uriPart).Format != RestFormat.Json)
        {
            return RestReply.FormatNotFound("json");
        }

        var method = methods.Find("getblockchaininfo") ?? throw new InvalidOperationException("getblockchaininfo is not registered.");
        var info = await method.ExecuteAsync(RpcParameters.Empty, cancellationToken).ConfigureAwait(false);
        return RestReply.Json(info!);
    }
}
