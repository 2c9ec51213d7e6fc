using Faithcoin.Node.Rpc;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Faithcoin.Node.Metrics;

/// <summary>
/// Registration of the metrics and health listener. Without -metricsport nothing is registered: no listener, no
/// registry and no RPC observer, so a node that does not ask for metrics pays nothing for them.
/// </summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>Register before the start-up service so /livez and /readyz answer while the chain loads.</summary>
    public static IServiceCollection AddNodeMetrics(this IServiceCollection services, MetricsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddSingleton(settings);

        // A registry of this node's own rather than prometheus-net's process-wide default one.
        services.AddSingleton(_ =>
        {
            var registry = Prometheus.Metrics.NewCustomRegistry();
            DotNetStats.Register(registry);
            return registry;
        });
        services.AddSingleton<IMetricFactory>(sp => Prometheus.Metrics.WithCustomRegistry(sp.GetRequiredService<CollectorRegistry>()));
        services.AddSingleton<IMetricsSource, ChainMetrics>();
        services.AddSingleton<IMetricsSource, ChainStateMetrics>();
        services.AddSingleton<IMetricsSource, NetworkMetrics>();
        services.AddSingleton<IMetricsSource, MempoolMetrics>();
        services.AddSingleton<IMetricsSource, UptimeMetrics>();
        services.AddSingleton<MetricsCollection>();
        services.AddSingleton<IRpcCallObserver, RpcMetrics>();
        services.AddSingleton<ReadinessCheck>();
        services.AddSingleton<MetricsHttpHandler>();
        services.AddHostedService<MetricsHttpServer>();
        return services;
    }
}
