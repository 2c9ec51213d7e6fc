using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Metrics;

/// <summary>
/// Runs every <see cref="IMetricsSource"/> before a scrape (the listener hooks <see cref="CollectAll"/> into the registry). A source that fails (say the P2P node stopping under it)
/// keeps its last values and is logged; the rest of the scrape still succeeds.
/// </summary>
public sealed partial class MetricsCollection
{
    private readonly IReadOnlyList<IMetricsSource> sources;
    private readonly ILogger<MetricsCollection> logger;

    public MetricsCollection(IEnumerable<IMetricsSource> sources, ILogger<MetricsCollection> logger)
    {
        ArgumentNullException.ThrowIfNull(sources);
        this.sources = sources.ToArray();
        this.logger = logger;
    }

    public void CollectAll()
    {
        foreach (var source in sources)
        {
            try
            {
                source.Collect();
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                LogSourceFailed(logger, source.GetType().Name, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Metrics: {Source} skipped this scrape: {Reason}")]
    private static partial void LogSourceFailed(ILogger logger, string source, string reason);
}
