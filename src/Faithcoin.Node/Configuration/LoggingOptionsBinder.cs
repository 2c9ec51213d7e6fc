using Faithcoin.Node.Logging;

namespace Faithcoin.Node.Configuration;

/// <summary>
/// -debug, -debugexclude, -logtimestamps, -logtimemicros, -logips and -shrinkdebugfile as 0.15's AppInitParameterInteraction
/// reads them: any "-debug=0" among the values turns debug logging off, unknown names are warnings, not errors,
/// and exclusions are applied last.
/// </summary>
public static class LoggingOptionsBinder
{
    public static LoggingSettings Bind(ArgsStore args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var warnings = new List<string>();
        var categories = LogCategory.None;
        var debug = args.GetAll("debug");
        if (debug.Count > 0 && !debug.Any(a => a.Value == "0"))
        {
            categories = debug.Aggregate(categories, (current, arg) => current | Parse("debug", arg, warnings));
        }

        foreach (var exclude in args.GetAll("debugexclude"))
        {
            categories &= ~Parse("debugexclude", exclude, warnings);
        }

        return new LoggingSettings
        {
            Categories = categories,
            Output = new LogOutputSettings
            {
                Timestamps = NodeOptionsBinder.GetBool(args, "logtimestamps", true),
                TimeMicros = NodeOptionsBinder.GetBool(args, "logtimemicros", false),
                LogIps = NodeOptionsBinder.GetBool(args, "logips", false),
            },
            ShrinkDebugFile = NodeOptionsBinder.GetBool(args, "shrinkdebugfile", categories == LogCategory.None),
            Warnings = warnings,
        };
    }

    private static LogCategory Parse(string option, ArgValue arg, List<string> warnings)
    {
        if (LogCategoryNames.TryParse(arg.Value, out var category))
        {
            return category;
        }

        warnings.Add($"Unsupported logging category -{option}={arg.Value}.");
        return LogCategory.None;
    }
}
