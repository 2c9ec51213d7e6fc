using System.Text.Json;

namespace Faithcoin.Cli.Json;

/// <summary>Parsing with UniValue's limits: strict JSON, nesting up to 512 levels.</summary>
public static class JsonText
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 512 };

    public static bool TryParse(string text, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            value = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            value = default;
            return false;
        }
    }
}
