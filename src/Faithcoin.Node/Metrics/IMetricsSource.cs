namespace Faithcoin.Node.Metrics;

/// <summary>
/// A part of the node whose gauges are read from its existing state when Prometheus scrapes, instead of being
/// updated on every change by the code being measured.
/// </summary>
public interface IMetricsSource
{
    /// <summary>Brings this source's series up to date; called before each scrape, possibly from several scrapes at once.</summary>
    void Collect();
}
