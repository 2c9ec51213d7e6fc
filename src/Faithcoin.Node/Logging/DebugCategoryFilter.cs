using Serilog.Core;
using Serilog.Events;

namespace Faithcoin.Node.Logging;

/// <summary>
/// Lets a debug (or verbose) event through only when its category is enabled, as 0.15's LogPrint(category, ...);
/// information and above always pass, as LogPrintf. A debug event of no known category needs -debug=1.
/// </summary>
public sealed class DebugCategoryFilter(DebugCategories categories) : ILogEventFilter
{
    public bool IsEnabled(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Level > LogEventLevel.Debug)
        {
            return true;
        }

        var category = SourceCategoryMap.CategoryOf(logEvent);
        return category == LogCategory.None
            ? categories.Enabled == LogCategory.All
            : categories.IsEnabled(category);
    }
}
