using Faithcoin.Node.Rpc;
using Microsoft.AspNetCore.Http;

namespace Faithcoin.Node.Rest;

/// <summary>
/// 0.15's uri_prefixes: the first prefix the URI starts with picks the endpoint, which gets the rest of the URI.
/// Every endpoint answers 503 while the node warms up. No credentials: REST is public, limited by -rpcallowip only.
/// </summary>
public sealed class RestRequestHandler
{
    private readonly RpcWarmup warmup;
    private readonly (string Prefix, Func<string, byte[], CancellationToken, ValueTask<RestReply>> Handle)[] routes;

    public RestRequestHandler(
        RpcWarmup warmup,
        RestTransactionEndpoint transactions,
        RestBlockEndpoint blocks,
        RestChainInfoEndpoint chainInfo,
        RestMempoolEndpoint mempool,
        RestHeadersEndpoint headers,
        RestUtxoEndpoint utxos)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(chainInfo);
        ArgumentNullException.ThrowIfNull(mempool);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(utxos);
        this.warmup = warmup;

        // The original's order matters: notxdetails must be tried before the plain block prefix.
        routes =
        [
            ("/rest/tx/", (part, _, _) => ValueTask.FromResult(transactions.Handle(part))),
            ("/rest/block/notxdetails/", (part, _, _) => ValueTask.FromResult(blocks.Handle(part, transactionDetails: false))),
            ("/rest/block/", (part, _, _) => ValueTask.FromResult(blocks.Handle(part, transactionDetails: true))),
            ("/rest/chaininfo", (part, _, cancel) => chainInfo.HandleAsync(part, cancel)),
            ("/rest/mempool/info", (part, _, _) => ValueTask.FromResult(mempool.Info(part))),
            ("/rest/mempool/contents", (part, _, _) => ValueTask.FromResult(mempool.Contents(part))),
            ("/rest/headers/", (part, _, _) => ValueTask.FromResult(headers.Handle(part))),
            ("/rest/getutxos", (part, body, _) => ValueTask.FromResult(utxos.Handle(part, body))),
        ];
    }

    public bool Serves(string uri) => Route(uri) >= 0;

    public async Task HandleAsync(HttpContext context, string uri, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reply = await ReplyAsync(uri, body, context.RequestAborted).ConfigureAwait(false);
        await reply.WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask<RestReply> ReplyAsync(string uri, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var index = Route(uri);
        if (index < 0)
        {
            return RestReply.Error(StatusCodes.Status404NotFound, string.Empty);
        }

        if (warmup.IsActive(out var status))
        {
            return RestReply.Error(StatusCodes.Status503ServiceUnavailable, "Service temporarily unavailable: " + status);
        }

        var (prefix, handle) = routes[index];
        try
        {
            return await handle(uri[prefix.Length..], body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failure reading the chain (a damaged block file, say) is the node's fault, not the client's.
            return RestReply.Error(StatusCodes.Status500InternalServerError, e.Message);
        }
    }

    private int Route(string uri) => Array.FindIndex(routes, r => uri.StartsWith(r.Prefix, StringComparison.Ordinal));
}
