using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Faithcoin.Cli.Json;

/// <summary>
/// UniValue::write: compact with no indent, or pretty with <c>indent</c> spaces per level, where an empty object
/// or array still spans two lines ("{\n}"). Numbers keep the exact text the server sent (UniValue stores
/// numbers as text), so 50.00000000 stays 50.00000000.
/// </summary>
public static class UniValueWriter
{
    public static string Write(JsonElement value, int indent = 0)
    {
        var text = new StringBuilder();
        Write(text, value, indent, 0);
        return text.ToString();
    }

    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2);
        AppendString(text, value);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonElement value, int indent, int level)
    {
        // UniValue treats the top level like the first nesting level (modIndent = max(level, 1)).
        var modLevel = Math.Max(level, 1);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(text, value, indent, modLevel);
                break;
            case JsonValueKind.Array:
                WriteArray(text, value, indent, modLevel);
                break;
            case JsonValueKind.String:
                AppendString(text, value.GetString()!);
                break;
            case JsonValueKind.Number:
                text.Append(value.GetRawText());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void WriteObject(StringBuilder text, JsonElement value, int indent, int level)
    {
        text.Append('{');
        NewLine(text, indent);
        var first = true;
        foreach (var property in value.EnumerateObject())
        {
            if (!first)
            {
                text.Append(',');
                NewLine(text, indent);
            }

            first = false;
            text.Append(' ', indent * level);
            AppendString(text, property.Name);
            text.Append(':');
            if (indent > 0)
            {
                text.Append(' ');
            }

            Write(text, property.Value, indent, level + 1);
        }

        Close(text, indent, level, first, '}');
    }

    private static void WriteArray(StringBuilder text, JsonElement value, int indent, int level)
    {
        text.Append('[');
        NewLine(text, indent);
        var first = true;
        foreach (var item in value.EnumerateArray())
        {
            if (!first)
            {
                text.Append(',');
                NewLine(text, indent);
            }

            first = false;
            text.Append(' ', indent * level);
            Write(text, item, indent, level + 1);
        }

        Close(text, indent, level, first, ']');
    }

    private static void Close(StringBuilder text, int indent, int level, bool empty, char bracket)
    {
        if (!empty)
        {
            NewLine(text, indent);
        }

        text.Append(' ', indent * (level - 1));
        text.Append(bracket);
    }

    private static void NewLine(StringBuilder text, int indent)
    {
        if (indent > 0)
        {
            text.Append('\n');
        }
    }

    /// <summary>json_escape: quote and backslash, control characters (short forms where JSON has them) and DEL.</summary>
    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case < ' ' or '\x7f':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}
