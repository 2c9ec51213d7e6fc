using System.Globalization;
using Faithcoin.Node.Hosting;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Parsing;

namespace Faithcoin.Node.Logging;

/// <summary>
/// Lines as 0.15 writes debug.log: a UTC "yyyy-MM-dd HH:mm:ss" timestamp (with ".micros" under -logtimemicros,
/// " (mocktime: ...)" while the clock is mocked, nothing under -nologtimestamps), a space and the message, with
/// string values unquoted. Warnings and errors from libraries get a "WARNING: "/"ERROR: " prefix, which the
/// node's own messages already carry in the original's wording.
/// </summary>
public sealed class CoreLogFormatter(LogOutputSettings settings, NodeClock? clock = null) : ITextFormatter
{
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    public CoreLogFormatter()
        : this(new LogOutputSettings())
    {
    }

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        if (settings.Timestamps)
        {
            WriteTimestamp(logEvent.Timestamp.UtcDateTime, output);
        }

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

    private void WriteTimestamp(DateTime utc, TextWriter output)
    {
        output.Write(utc.ToString(DateFormat, CultureInfo.InvariantCulture));
        if (settings.TimeMicros)
        {
            var micros = utc.Ticks / (TimeSpan.TicksPerMillisecond / 1000) % 1_000_000;
            output.Write(string.Create(CultureInfo.InvariantCulture, $".{micros:D6}"));
        }

        var mock = clock?.MockTime ?? 0;
        if (mock != 0)
        {
            output.Write(" (mocktime: ");
            output.Write(DateTimeOffset.FromUnixTimeSeconds(mock).UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture));
            output.Write(')');
        }

        output.Write(' ');
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
