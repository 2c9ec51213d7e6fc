using Faithcoin.Node.Configuration;
using Faithcoin.Node.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Faithcoin.Node.Logging;

/// <summary>
/// The Serilog pipeline: always debug.log in the chain's folder (shrunk first under -shrinkdebugfile), and the
/// console too with -printtoconsole (containers pass it to log to stdout). Debug events pass per 0.15 category
/// (<see cref="DebugCategoryFilter"/>); framework chatter is kept to warnings so debug.log reads like the original's.
/// </summary>
public static class NodeLoggerFactory
{
    public static Logger Create(NodeOptions options, DebugCategories categories, NodeClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(categories);
        if (options.Logging.ShrinkDebugFile)
        {
            DebugLogShrinker.Shrink(options.DataDirectory.DebugLogPath);
        }

        var formatter = new CoreLogFormatter(options.Logging.Output, clock);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.ControlledBy(categories.LevelSwitch)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Filter.With(new DebugCategoryFilter(categories))
            .WriteTo.File(formatter, options.DataDirectory.DebugLogPath);
        if (options.PrintToConsole)
        {
            configuration = configuration.WriteTo.Console(formatter);
        }

        return configuration.CreateLogger();
    }
}
