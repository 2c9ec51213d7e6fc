using System.Text;
using System.Text.Json.Nodes;
using Faithcoin.Node.Rpc;
using Microsoft.AspNetCore.Http;

namespace Faithcoin.Node.Rest;

/// <summary>One REST answer: raw bytes as application/octet-stream, hex and errors as text/plain, JSON as application/json.</summary>
public sealed record RestReply(int StatusCode, string ContentType, byte[] Body)
{
    /// <summary>AvailableDataFormatsString, for the endpoints that serve every format.</summary>
    public const string AllFormats = ".bin, .hex, .json";

    /// <summary>RESTERR: the message and CRLF as plain text.</summary>
    public static RestReply Error(int statusCode, string message) =>
        new(statusCode, "text/plain", Encoding.UTF8.GetBytes(message + "\r\n"));

    public static RestReply FormatNotFound(string available) =>
        Error(StatusCodes.Status404NotFound, $"output format not found (available: {available})");

    public static RestReply Binary(byte[] bytes) => new(StatusCodes.Status200OK, "application/octet-stream", bytes);

    public static RestReply Hex(byte[] bytes) =>
        new(StatusCodes.Status200OK, "text/plain", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(bytes) + "\n"));

    /// <summary>The serialized data in the asked format, or the format error that names <paramref name="available"/>.</summary>
    public static RestReply Serialized(RestFormat format, byte[] bytes, Func<JsonNode> json, string available) => format switch
    {
        RestFormat.Binary => Binary(bytes),
        RestFormat.Hex => Hex(bytes),
        RestFormat.Json => Json(json()),
        _ => FormatNotFound(available),
    };

    /// <summary>UniValue's compact writing, with the newline the original appends.</summary>
    public static RestReply Json(JsonNode node) =>
        new(StatusCodes.Status200OK, "application/json", JsonRpcReplyWriter.Build(w => node.WriteTo(w)));

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, cancellationToken).ConfigureAwait(false);
    }
}
