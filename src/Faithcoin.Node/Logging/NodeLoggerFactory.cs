using Faithcoin.Node.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Faithcoin.Node.Logging;

/// <summary>
/// The Serilog pipeline: always debug.log in the chain's folder, the console only with -printtoconsole (the
/// original's default; containers pass -printtoconsole to log to stdout). Framework chatter is kept to
/// warnings so debug.log reads like the original's.
/// </summary>
public static class NodeLoggerFactory
{
    public static Logger Create(NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var formatter = new CoreLogFormatter();
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(options.DebugEnabled || options.DebugCategories.Contains("rpc") ? LogEventLevel.Debug : LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .WriteTo.File(formatter, options.DataDirectory.DebugLogPath);
        if (options.PrintToConsole)
        {
            configuration = configuration.WriteTo.Console(formatter);
        }

        return configuration.CreateLogger();
    }
}
