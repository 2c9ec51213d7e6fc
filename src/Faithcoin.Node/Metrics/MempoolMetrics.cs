using Faithcoin.Node.Mempool;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Faithcoin.Node.Metrics;

/// <summary>
/// getmempoolinfo's size, bytes and usage. The mempool is optional to this class: a node built without one
/// publishes no mempool series rather than zeros that would look like an empty pool.
/// </summary>
public sealed class MempoolMetrics : IMetricsSource
{
    private readonly IMempoolView? mempool;
    private readonly Gauge? size;
    private readonly Gauge? bytes;
    private readonly Gauge? usage;

    public MempoolMetrics(IServiceProvider services, IMetricFactory factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        mempool = services.GetService<IMempoolView>();
        if (mempool is null)
        {
            return;
        }

        size = factory.CreateGauge("faithcoin_mempool_size", "Transactions in the mempool");
        bytes = factory.CreateGauge("faithcoin_mempool_bytes", "Sum of the virtual sizes of the mempool's transactions");
        usage = factory.CreateGauge("faithcoin_mempool_usage", "Estimated memory the mempool uses, in bytes");
    }

    public void Collect()
    {
        if (mempool is null)
        {
            return;
        }

        var info = mempool.GetInfo();
        size!.Set(info.Size);
        bytes!.Set(info.Bytes);
        usage!.Set(info.Usage);
    }
}
