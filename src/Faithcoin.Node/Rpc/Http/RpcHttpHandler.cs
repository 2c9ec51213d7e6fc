using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Rpc.Http;

/// <summary>
/// One HTTP request to the RPC server, checked in the original's order (http_request_cb, HTTPReq_JSONRPC):
/// source address (403), known HTTP method (405), path "/" (404), POST only (405), credentials (401, after a
/// 250 ms pause that deters guessing), then the JSON-RPC body.
/// </summary>
public sealed partial class RpcHttpHandler(
    RpcAccessList accessList,
    RpcAuthenticator authenticator,
    JsonRpcProcessor processor,
    TimeProvider time,
    ILogger<RpcHttpHandler> logger)
{
    private const string AuthenticateChallenge = "Basic realm=\"jsonrpc\"";
    private static readonly TimeSpan BadCredentialsPause = TimeSpan.FromMilliseconds(250);

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

        // The original matches the whole URI, query included, against its handlers; only "/" serves JSON-RPC.
        if (request.Path.Value is not "/" || request.QueryString.HasValue)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            await response.WriteAsync("JSONRPC server handles only POST requests", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var authorization = request.Headers.Authorization;
        if (authorization.Count == 0)
        {
            Challenge(response);
            return;
        }

        if (!authenticator.IsAuthorized(authorization.ToString()))
        {
            LogBadPassword(logger, peer);
            await Task.Delay(BadCredentialsPause, time, context.RequestAborted).ConfigureAwait(false);
            Challenge(response);
            return;
        }

        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        var reply = await processor.ProcessAsync(body, context.RequestAborted).ConfigureAwait(false);
        response.StatusCode = reply.StatusCode;
        response.ContentType = "application/json";
        response.ContentLength = reply.Body.Length;
        await response.Body.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static void Challenge(HttpResponse response)
    {
        response.Headers.WWWAuthenticate = AuthenticateChallenge;
        response.StatusCode = StatusCodes.Status401Unauthorized;
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ThreadRPCServer incorrect password attempt from {Peer}")]
    private static partial void LogBadPassword(ILogger logger, IPAddress? peer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected RPC connection from {Peer}: not in -rpcallowip")]
    private static partial void LogForbidden(ILogger logger, IPAddress? peer);
}
