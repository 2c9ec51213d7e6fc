namespace Faithcoin.Node.Configuration;

/// <summary>0.15's "Options:" entries the catalog does not define itself, with their help text and defaults.</summary>
public static class GeneralOptionHelp
{
    public static IEnumerable<OptionDescriptor> All() =>
    [
        new("alertnotify", OptionGroup.General, "<cmd>",
            "Execute command when a relevant alert is received or we see a really long fork (%s in cmd is replaced by message)"),
        new("blocknotify", OptionGroup.General, "<cmd>", "Execute command when the best block changes (%s in cmd is replaced by block hash)"),
        Later("blocksonly", null, "Whether to operate in a blocks only mode (default: 0)", debugOnly: true),
        new("daemon", OptionGroup.General, null, "Run in the background as a daemon and accept commands"),
        Later("dbbatchsize", null, "Maximum database write batch size in bytes (default: 16777216)", debugOnly: true),
        Later("feefilter", null, "Tell other nodes to filter invs to us by our mempool min fee (default: 1)", debugOnly: true),
        Acting(Later("maxorphantx", "<n>", "Keep at most <n> unconnectable transactions in memory (default: 100)")),
        Acting(Later("maxmempool", "<n>", "Keep the transaction memory pool below <n> megabytes (default: 300)")),
        Acting(Later("mempoolexpiry", "<n>", "Do not keep transactions in the mempool longer than <n> hours (default: 336)")),
        Later("minimumchainwork", "<hex>", "Minimum work assumed to exist on a valid chain in hex", debugOnly: true),
        Acting(Later("persistmempool", null, "Whether to save the mempool on shutdown and load on restart (default: 1)")),
        Acting(Later("blockreconstructionextratxn", "<n>", "Extra transactions to keep in memory for compact block reconstructions (default: 100)")),
        Later("sysperms", null,
            "Create new files with system default permissions, instead of umask 077 (only effective with disabled wallet functionality)"),
    ];

    private static OptionDescriptor Later(string name, string? hint, string help, bool debugOnly = false) =>
        new(name, OptionGroup.General, hint, help, debugOnly, OptionSupport.NotYetImplemented);

    /// <summary>An option faithcoind acts on (the relay policy and mempool read it), still listed in 0.15's place.</summary>
    private static OptionDescriptor Acting(OptionDescriptor descriptor) => descriptor with { Support = OptionSupport.Implemented };
}
