using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc;

/// <summary>
/// JSONRPCReplyObj: always "result", "error" and "id", in that order, whatever version the request claimed;
/// "result" is null whenever "error" is not.
/// </summary>
public static class JsonRpcReplyWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // UniValue escapes only what JSON requires; the default encoder would also escape '<', '+', non-ASCII...
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteSuccess(Utf8JsonWriter writer, JsonNode? result, JsonElement? id)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("result");
        WriteNode(writer, result);
        writer.WriteNull("error");
        WriteId(writer, id);
        writer.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter writer, RpcException error, JsonElement? id)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);
        writer.WriteStartObject();
        writer.WriteNull("result");
        writer.WriteStartObject("error");
        writer.WriteNumber("code", error.Code);
        writer.WriteString("message", error.Message);
        writer.WriteEndObject();
        WriteId(writer, id);
        writer.WriteEndObject();
    }

    /// <summary>Writes a whole reply body with <paramref name="write"/> and appends the newline the original sends.</summary>
    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    private static void WriteId(Utf8JsonWriter writer, JsonElement? id)
    {
        writer.WritePropertyName("id");
        if (id is { } value)
        {
            value.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
