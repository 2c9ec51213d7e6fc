using System.Net;
using Faithcoin.Node.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Rpc.Http;

/// <summary>
/// The original's http_request_cb in front of every handler: source address (403), known HTTP method (405), a
/// handler for the URI ("/" for JSON-RPC, the /rest/ prefixes with -rest; else 404), then the whole body is read
/// before the request takes a place in the work queue, so a client that stalls mid-request holds no worker.
/// </summary>
public sealed partial class HttpRequestRouter(
    RpcAccessList accessList,
    RpcHttpHandler rpc,
    RestRequestHandler? rest,
    HttpWorkQueue queue,
    ILogger<HttpRequestRouter> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var response = context.Response;
        var peer = context.Connection.RemoteIpAddress;
        if (!accessList.IsAllowed(peer))
        {
            LogForbidden(logger, peer);
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsPost(request.Method)
            || HttpMethods.IsHead(request.Method) || HttpMethods.IsPut(request.Method)))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        // The original matches the URI as the client sent it, query string included.
        var uri = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? string.Empty;
        var handler = SelectHandler(context, uri);
        if (handler is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var body = await RequestBody.ReadAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        bool ran;
        try
        {
            ran = await queue.TryRunAsync(() => handler(body), context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away while waiting for a worker or being served; nobody is left to answer.
            return;
        }

        if (!ran)
        {
            LogQueueFull(logger);
            response.StatusCode = StatusCodes.Status500InternalServerError;
            await response.WriteAsync("Work queue depth exceeded", context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The handler for the URI, as the original's path handlers: "/" exactly for JSON-RPC, else a REST prefix.</summary>
    private Func<byte[], Task>? SelectHandler(HttpContext context, string uri)
    {
        if (uri == "/")
        {
            return body => rpc.HandleAsync(context, body);
        }

        if (rest is not null && rest.Serves(uri))
        {
            return body => rest.HandleAsync(context, uri, body);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected connection from {Peer}: not in -rpcallowip")]
    private static partial void LogForbidden(ILogger logger, IPAddress? peer);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Request rejected because http work queue depth exceeded, it can be increased with the -rpcworkqueue= setting")]
    private static partial void LogQueueFull(ILogger logger);
}
