using Serilog.Events;

namespace Faithcoin.Node.Logging;

/// <summary>
/// Which 0.15 category a debug event belongs to: the event's own "LogCategory" property (a category name) when
/// it has one, otherwise the category of the code that logged it, found by the longest matching namespace.
/// </summary>
public static class SourceCategoryMap
{
    public const string PropertyName = "LogCategory";

    private static readonly (string Prefix, LogCategory Category)[] Prefixes =
    [
        ("Faithcoin.P2P.Peers.PeersFile", LogCategory.AddrMan),
        ("Faithcoin.P2P.Net.DnsSeeding", LogCategory.AddrMan),
        ("Faithcoin.P2P", LogCategory.Net),
        ("Faithcoin.Node.Network", LogCategory.Net),
        ("Faithcoin.Node.Rpc.Http", LogCategory.Http),
        ("Faithcoin.Node.Rest", LogCategory.Http),
        ("Faithcoin.Node.Rpc", LogCategory.Rpc),
        ("Faithcoin.Node.Mempool", LogCategory.Mempool),
        ("Faithcoin.Node.Storage", LogCategory.CoinDb),
        ("Faithcoin.Node.Chain.ChainFlusher", LogCategory.CoinDb),
        ("Faithcoin.Node.Chain.CoinsDatabase", LogCategory.CoinDb),
        ("Faithcoin.Node.Chain.ExternalBlockFileLoader", LogCategory.Reindex),
        ("Faithcoin.Node.Chain.BlockImporter", LogCategory.Reindex),
        ("Faithcoin.Node.Chain", LogCategory.Bench),
        ("Microsoft.AspNetCore", LogCategory.Http),
    ];

    public static LogCategory CategoryOf(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Properties.TryGetValue(PropertyName, out var tagged)
            && tagged is ScalarValue { Value: string name }
            && LogCategoryNames.TryParse(name, out var category))
        {
            return category;
        }

        return logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string context }
            ? CategoryOfSource(context)
            : LogCategory.None;
    }

    public static LogCategory CategoryOfSource(string sourceContext)
    {
        ArgumentNullException.ThrowIfNull(sourceContext);
        foreach (var (prefix, category) in Prefixes)
        {
            if (sourceContext.StartsWith(prefix, StringComparison.Ordinal))
            {
                return category;
            }
        }

        return LogCategory.None;
    }
}
