using System.Globalization;

namespace Faithcoin.Node.Tests.Crash;

/// <summary>
/// How much the crash suite does. The bounded default (10 kill points per loop, 20 in all) runs in the normal
/// test run; a soak sets the environment:
/// <list type="bullet">
/// <item>FAITHCOIN_CRASH_POINTS: kill points per loop (mining and import), default 10.</item>
/// <item>FAITHCOIN_CRASH_SEED: the seed of every random choice (kill delays, batch sizes, kill heights), default
/// fixed, so a failure is reproduced by running again with the seed its message names.</item>
/// <item>FAITHCOIN_CRASH_IMPORT_BLOCKS: how many blocks of the fixture slice (from genesis) the import loop uses,
/// default 150 (the first ~110 are coinbase-only, the rest carry ~35 transactions each); 500 is the whole slice.</item>
/// </list>
/// </summary>
internal static class CrashSettings
{
    public const int DefaultPoints = 10;
    public const int DefaultSeed = 20171220;
    public const int DefaultImportBlocks = 150;

    public static int Points => Read("FAITHCOIN_CRASH_POINTS", DefaultPoints, 1, 100_000);

    public static int Seed => Read("FAITHCOIN_CRASH_SEED", DefaultSeed, int.MinValue, int.MaxValue);

    public static int ImportBlocks => Read("FAITHCOIN_CRASH_IMPORT_BLOCKS", DefaultImportBlocks, 20, 500);

    /// <summary>Every start is bounded; a loaded CI machine (Debug, other test processes) can take seconds.</summary>
    public static TimeSpan ReadyTimeout { get; } = TimeSpan.FromSeconds(30);

    private static int Read(string name, int fallback, int min, int max)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var value = int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
        return Math.Clamp(value, min, max);
    }
}
