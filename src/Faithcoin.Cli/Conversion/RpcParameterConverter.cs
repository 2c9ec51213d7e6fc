using System.Text;
using Faithcoin.Cli.Json;
using Faithcoin.Cli.Transport;

namespace Faithcoin.Cli.Conversion;

/// <summary>
/// RPCConvertValues and RPCConvertNamedValues: command-line words become the request's "params", as an array
/// or, with -named, as an object of name=value pairs. Arguments the table marks are parsed as JSON (any value,
/// not only objects and arrays); the rest are sent as strings.
/// </summary>
public sealed class RpcParameterConverter(RpcConvertTable table)
{
    /// <summary>The params as UniValue writes them compactly.</summary>
    public string ConvertPositional(string method, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var text = new StringBuilder("[");
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(table.IsJson(method, i) ? ParseJsonValue(arguments[i]) : UniValueWriter.Quote(arguments[i]));
        }

        return text.Append(']').ToString();
    }

    public string ConvertNamed(string method, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var text = new StringBuilder("{");
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new RpcClientException(
                    $"No '=' in named argument '{argument}', this needs to be present for every argument (even if it is empty)");
            }

            var name = argument[..equals];
            var value = argument[(equals + 1)..];
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(UniValueWriter.Quote(name)).Append(':');
            text.Append(table.IsJson(method, name) ? ParseJsonValue(value) : UniValueWriter.Quote(value));
        }

        return text.Append('}').ToString();
    }

    /// <summary>ParseNonRFCJSONValue: the word must be exactly one JSON value of any kind.</summary>
    private static string ParseJsonValue(string word)
    {
        if (!JsonText.TryParse("[" + word + "]", out var wrapped) || wrapped.GetArrayLength() != 1)
        {
            throw new RpcClientException("Error parsing JSON:" + word);
        }

        return UniValueWriter.Write(wrapped[0]);
    }
}
