using Faithcoin.Node.Hosting;
using Prometheus;

namespace Faithcoin.Node.Metrics;

/// <summary>Seconds since start, the `uptime` RPC's figure.</summary>
public sealed class UptimeMetrics(NodeUptime uptime, IMetricFactory factory) : IMetricsSource
{
    private readonly Gauge seconds = factory.CreateGauge("faithcoin_uptime", "Seconds since the node started");

    public void Collect() => seconds.Set(uptime.Seconds);
}
