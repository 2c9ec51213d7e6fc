using Faithcoin.Node.Chain;
using Faithcoin.Node.Rpc;
using Microsoft.Extensions.Hosting;

namespace Faithcoin.Node.Metrics;

/// <summary>
/// Ready once the chain is loaded (RPC has left its warm-up) and the node is out of initial block download, so
/// a load balancer sends clients only to nodes that answer with a current chain. -readyzallowibd drops the second
/// condition. A node that is shutting down is not ready.
/// </summary>
public sealed class ReadinessCheck(
    RpcWarmup warmup,
    ChainManager chain,
    MetricsSettings settings,
    IHostApplicationLifetime lifetime)
{
    public Readiness Check()
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return new Readiness(false, "shutting down");
        }

        if (warmup.IsActive(out var step) || !chain.IsLoaded)
        {
            return new Readiness(false, "starting: " + step);
        }

        if (!settings.ReadyDuringInitialDownload && chain.IsInitialBlockDownload())
        {
            return new Readiness(false, "in initial block download");
        }

        return new Readiness(true, "ok");
    }
}
