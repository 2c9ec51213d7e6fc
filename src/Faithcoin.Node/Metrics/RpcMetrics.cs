using Faithcoin.Node.Rpc;
using Prometheus;

namespace Faithcoin.Node.Metrics;

/// <summary>
/// Calls and latency per RPC method (the histogram's _count is the number of calls) and errors per method and
/// code. Only methods the node has are labelled, so the number of series is bounded by the method table.
/// </summary>
public sealed class RpcMetrics(IMetricFactory factory) : IRpcCallObserver
{
    private readonly Histogram duration = factory.CreateHistogram(
        "faithcoin_rpc_duration_seconds",
        "Time to run an RPC method, by method",
        ["method"],
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0001, 4, 10) });

    private readonly Counter errors = factory.CreateCounter(
        "faithcoin_rpc_errors_total", "RPC calls that ended in an error, by method and RPC error code", ["method", "code"]);

    public void Completed(string method, TimeSpan elapsed, int? error)
    {
        duration.WithLabels(method).Observe(elapsed.TotalSeconds);
        if (error is { } code)
        {
            errors.WithLabels(method, code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        }
    }
}
