using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Rpc;

/// <summary>
/// The body handling of the original's HTTPReq_JSONRPC, after authentication: a single call or a batch
/// (JSON array, always HTTP 200 with one reply per element), and the HTTP status of a failed single call
/// (400 for an invalid request, 404 for an unknown method, 500 for everything else).
/// </summary>
public sealed partial class JsonRpcProcessor(RpcDispatcher dispatcher, ILogger<JsonRpcProcessor> logger)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 512 };

    public async Task<JsonRpcReply> ProcessAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            return ErrorReply(new RpcException(RpcErrorCode.ParseError, "Parse error"), id: null);
        }

        using (document)
        {
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    return await ProcessSingleAsync(root, cancellationToken).ConfigureAwait(false);
                case JsonValueKind.Array:
                    return await ProcessBatchAsync(root, cancellationToken).ConfigureAwait(false);
                default:
                    return ErrorReply(new RpcException(RpcErrorCode.ParseError, "Top-level object parse error"), id: null);
            }
        }
    }

    private async Task<JsonRpcReply> ProcessSingleAsync(JsonElement element, CancellationToken cancellationToken)
    {
        JsonElement? id = null;
        try
        {
            var request = JsonRpcRequest.Parse(element, out id);
            var result = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
            var body = JsonRpcReplyWriter.Build(w => JsonRpcReplyWriter.WriteSuccess(w, result, id));
            return new JsonRpcReply((int)HttpStatusCode.OK, body);
        }
        catch (RpcException e)
        {
            return ErrorReply(e, id);
        }
    }

    private async Task<JsonRpcReply> ProcessBatchAsync(JsonElement batch, CancellationToken cancellationToken)
    {
        var replies = new List<Action<Utf8JsonWriter>>();
        foreach (var element in batch.EnumerateArray())
        {
            JsonElement? id = null;
            try
            {
                var request = JsonRpcRequest.Parse(element, out id);
                var result = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
                var replyId = id;
                replies.Add(w => JsonRpcReplyWriter.WriteSuccess(w, result, replyId));
            }
            catch (RpcException e)
            {
                var replyId = id;
                replies.Add(w => JsonRpcReplyWriter.WriteError(w, e, replyId));
            }
        }

        var body = JsonRpcReplyWriter.Build(w =>
        {
            w.WriteStartArray();
            foreach (var reply in replies)
            {
                reply(w);
            }

            w.WriteEndArray();
        });
        return new JsonRpcReply((int)HttpStatusCode.OK, body);
    }

    private ValueTask<JsonNode?> ExecuteAsync(JsonRpcRequest request, CancellationToken cancellationToken)
    {
        LogMethod(logger, request.Method);
        return dispatcher.ExecuteAsync(request, cancellationToken);
    }

    private static JsonRpcReply ErrorReply(RpcException error, JsonElement? id)
    {
        var status = error.Code switch
        {
            RpcErrorCode.InvalidRequest => HttpStatusCode.BadRequest,
            RpcErrorCode.MethodNotFound => HttpStatusCode.NotFound,
            _ => HttpStatusCode.InternalServerError,
        };
        return new JsonRpcReply((int)status, JsonRpcReplyWriter.Build(w => JsonRpcReplyWriter.WriteError(w, error, id)));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "ThreadRPCServer method={Method}")]
    private static partial void LogMethod(ILogger logger, string method);
}
