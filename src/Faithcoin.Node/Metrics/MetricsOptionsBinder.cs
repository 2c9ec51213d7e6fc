using System.Net;
using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Metrics;

/// <summary>Binds and checks the metrics options; a malformed value stops the start, naming the option and where it was written.</summary>
public static class MetricsOptionsBinder
{
    public static MetricsSettings Bind(ArgsStore args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var port = args.Get("metricsport");
        var bind = args.Get("metricsbind");
        return new MetricsSettings
        {
            Port = port is null ? null : Port(port),
            Bind = bind is null ? IPAddress.Loopback : Address(bind),
            ReadyDuringInitialDownload = NodeOptionsBinder.GetBool(args, "readyzallowibd", false),
        };
    }

    private static int Port(ArgValue arg) =>
        ArgParsing.TryParsePort(arg.Value, out var port)
            ? port
            : throw new ConfigurationException($"Invalid port specified in -metricsport: '{arg.Value}' (expected 1 to 65535) ({arg.Source})");

    private static IPAddress Address(ArgValue arg)
    {
        // "[::1]" is how addresses are written elsewhere on the command line; accept it here too.
        var text = arg.Value.Trim();
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1];
        }

        // A bare number would parse as an address (9100 is 0.0.35.140); it is far more likely a port given by mistake.
        return (text.Contains('.', StringComparison.Ordinal) || text.Contains(':', StringComparison.Ordinal))
            && IPAddress.TryParse(text, out var address)
            ? address
            : throw new ConfigurationException(
                $"Invalid -metricsbind address: '{arg.Value}' (expected an IP address such as 127.0.0.1, 0.0.0.0 or ::) ({arg.Source})");
    }
}
