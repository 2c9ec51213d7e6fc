using Serilog.Core;
using Serilog.Events;

namespace Faithcoin.Node.Logging;

/// <summary>
/// The debug categories in effect (0.15's logCategories), set from -debug/-debugexclude at start and changed at
/// run time by the logging RPC. The level switch lets debug events through Serilog only while some category
/// is on, so a node without -debug does not even build its debug messages.
/// </summary>
public sealed class DebugCategories
{
    private uint enabled;

    public DebugCategories(LogCategory initial)
    {
        LevelSwitch = new LoggingLevelSwitch(LogEventLevel.Information);
        Set(initial);
    }

    public LoggingLevelSwitch LevelSwitch { get; }

    public LogCategory Enabled => (LogCategory)Volatile.Read(ref enabled);

    /// <summary>A debug message of this category is written (LogAcceptCategory).</summary>
    public bool IsEnabled(LogCategory category) => (Volatile.Read(ref enabled) & (uint)category) != 0;

    public void Enable(LogCategory categories) => Update(current => current | (uint)categories);

    public void Disable(LogCategory categories) => Update(current => current & ~(uint)categories);

    private void Set(LogCategory categories) => Update(_ => (uint)categories);

    private void Update(Func<uint, uint> change)
    {
        uint before;
        uint after;
        do
        {
            before = Volatile.Read(ref enabled);
            after = change(before);
        }
        while (Interlocked.CompareExchange(ref enabled, after, before) != before);

        LevelSwitch.MinimumLevel = after == 0 ? LogEventLevel.Information : LogEventLevel.Debug;
    }
}
