using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Rpc.Http;

/// <summary>
/// A request for "/" once <see cref="HttpRequestRouter"/> has checked the source address, the HTTP method and the
/// path and read the body (http_request_cb): then HTTPReq_JSONRPC's checks, POST only (405) and credentials (401,
/// after a 250 ms pause that deters guessing), and the JSON-RPC body.
/// </summary>
public sealed partial class RpcHttpHandler(
    RpcAuthenticator authenticator,
    JsonRpcProcessor processor,
    TimeProvider time,
    ILogger<RpcHttpHandler> logger)
{
    private const string AuthenticateChallenge = "Basic realm=\"jsonrpc\"";
    private static readonly TimeSpan BadCredentialsPause = TimeSpan.FromMilliseconds(250);

    public async Task HandleAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var response = context.Response;
        var peer = context.Connection.RemoteIpAddress;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "ThreadRPCServer incorrect password attempt from {Peer}")]
    private static partial void LogBadPassword(ILogger logger, IPAddress? peer);
}
