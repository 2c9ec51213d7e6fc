using System.Text.Json;
using System.Text.Json.Nodes;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// JSON numbers written with exactly the text the original prints. UniValue stores a number as its text, so
/// amounts keep their eight decimals (50.00000000) and doubles their %.16g form; System.Text.Json would print
/// 50 and 4.6565423739069247E-10 instead.
/// </summary>
public static class JsonNumber
{
    /// <summary>
    /// A number node that writes <paramref name="text"/> unchanged. The node wraps a parsed
    /// <see cref="JsonElement"/>, and an element writes its original bytes back when serialized.
    /// </summary>
    public static JsonNode FromText(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"'{text}' is not a JSON number.", nameof(text), e);
        }

        if (node is null || node.GetValueKind() != JsonValueKind.Number)
        {
            throw new ArgumentException($"'{text}' is not a JSON number.", nameof(text));
        }

        return node;
    }

    /// <summary>A double as UniValue writes it (<see cref="DoubleText.Format"/>).</summary>
    public static JsonNode FromDouble(double value) => FromText(DoubleText.Format(value));
}
