using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Parsing;

namespace Faithcoin.Node.Logging;

/// <summary>
/// Lines as the original writes debug.log: a UTC "yyyy-MM-dd HH:mm:ss" timestamp, a space and the message,
/// with string values unquoted. Warnings and errors from libraries get a "WARNING: "/"ERROR: " prefix,
/// which the node's own messages already carry in the original's wording.
/// </summary>
public sealed class CoreLogFormatter : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(logEvent.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        output.Write(' ');
        var message = Render(logEvent);
        output.Write(LevelPrefix(logEvent.Level, message));
        output.Write(message);
        output.Write('\n');
        if (logEvent.Exception is not null)
        {
            output.Write(logEvent.Exception.ToString());
            output.Write('\n');
        }
    }

    private static string Render(LogEvent logEvent)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            if (token is PropertyToken property
                && logEvent.Properties.TryGetValue(property.PropertyName, out var value)
                && value is ScalarValue { Value: string raw })
            {
                text.Write(raw);
            }
            else
            {
                token.Render(logEvent.Properties, text, CultureInfo.InvariantCulture);
            }
        }

        return text.ToString();
    }

    private static string LevelPrefix(LogEventLevel level, string message)
    {
        var prefix = level switch
        {
            LogEventLevel.Warning => "WARNING: ",
            LogEventLevel.Error or LogEventLevel.Fatal => "ERROR: ",
            _ => string.Empty,
        };
        return prefix.Length > 0 && message.StartsWith(prefix.TrimEnd(' ', ':'), StringComparison.OrdinalIgnoreCase)
            ? string.Empty
            : prefix;
    }
}
