using Faithcoin.Node.Logging;

namespace Faithcoin.Node.Configuration;

/// <summary>0.15's "Debugging/Testing options:" entries the catalog does not define itself.</summary>
public static class DebuggingOptionHelp
{
    public static IEnumerable<OptionDescriptor> All() =>
    [
        Later("checkblocks", "<n>", "How many blocks to check at startup (default: 6, 0 = all)"),
        Later("checklevel", "<n>", "How thorough the block verification of -checkblocks is (0-4, default: 3)"),
        Later("checkmempool", "<n>", "Run checks every <n> transactions (default: 0)"),
        Later("checkpoints", null, "Disable expensive verification for known chain history (default: 1)"),
        Later("disablesafemode", null, "Disable safemode, override a real safe mode event (default: 0)"),
        Later("testsafemode", null, "Force safe mode (default: 0)"),
        Later("dropmessagestest", "<n>", "Randomly drop 1 of every <n> network messages"),
        Later("fuzzmessagestest", "<n>", "Randomly fuzz 1 of every <n> network messages"),
        Later("stopafterblockimport", null, "Stop running after importing blocks from disk (default: 0)"),
        Later("stopatheight", null, "Stop running after reaching the given height in the main chain (default: 0)"),
        Acting(Later("limitancestorcount", "<n>", "Do not accept transactions if number of in-mempool ancestors is <n> or more (default: 25)")),
        Acting(Later("limitancestorsize", "<n>",
            "Do not accept transactions whose size with all in-mempool ancestors exceeds <n> kilobytes (default: 101)")),
        Acting(Later("limitdescendantcount", "<n>",
            "Do not accept transactions if any ancestor would have <n> or more in-mempool descendants (default: 25)")),
        Acting(Later("limitdescendantsize", "<n>",
            "Do not accept transactions if any ancestor would have more than <n> kilobytes of in-mempool descendants (default: 101).")),
        Later("vbparams", null, "Use given start/end times for specified version bits deployment (regtest-only)", "=deployment:start:end"),
        new("debugexclude", OptionGroup.Debugging, "<category>",
            "Exclude debugging information for a category. Can be used in conjunction with -debug=1 to output debug logs for all categories except one or more specified categories."),
        new("help-debug", OptionGroup.Debugging, null, "Show all debugging options (usage: --help -help-debug)"),
        new("logips", OptionGroup.Debugging, null, "Include IP addresses in debug output (default: 0)"),
        new("logtimestamps", OptionGroup.Debugging, null, "Prepend debug output with timestamp (default: 1)"),
        new("logtimemicros", OptionGroup.Debugging, null, "Add microsecond precision to debug timestamps (default: 0)", DebugOnly: true),
        new("mocktime", OptionGroup.Debugging, "<n>", "Replace actual time with <n> seconds since epoch (default: 0)", DebugOnly: true),
        Later("maxsigcachesize", "<n>", "Limit sum of signature cache and script execution cache sizes to <n> MiB (default: 32)"),
        new("maxtxfee", OptionGroup.Debugging, "<amt>",
            "Maximum total fees (in FAITH) to use in a single wallet transaction or raw transaction; setting this too low may abort large transactions (default: 0.10)",
            Support: OptionSupport.NotYetImplemented),
        Later("printpriority", null, "Log transaction fee per kB when mining blocks (default: 0)"),
        new("shrinkdebugfile", OptionGroup.Debugging, null, "Shrink debug.log file on client startup (default: 1 when no -debug)"),
    ];

    /// <summary>The -debug entry, naming the categories.</summary>
    public static OptionDescriptor Debug() =>
        new("debug", OptionGroup.Debugging, "<category>",
            "Output debugging information (default: 0, supplying <category> is optional). If <category> is not supplied or if <category> = 1, " +
            "output all debugging information. <category> can be: " + LogCategoryNames.List() + ".");

    // The 0.15 entries below are shown with -help-debug only.
    private static OptionDescriptor Later(string name, string? hint, string help, string? synopsisSuffix = null) =>
        new(name, OptionGroup.Debugging, synopsisSuffix is null ? hint : synopsisSuffix.TrimStart('='), help, true, OptionSupport.NotYetImplemented);

    /// <summary>An option faithcoind acts on (the relay policy and mempool read it), still listed in 0.15's place.</summary>
    private static OptionDescriptor Acting(OptionDescriptor descriptor) => descriptor with { Support = OptionSupport.Implemented };
}
