using Microsoft.Extensions.Hosting;

namespace Faithcoin.Node.Hosting;

/// <summary>
/// Stops the host from a thread-pool thread, so the caller (the `stop` RPC) finishes its reply first; the
/// HTTP server then drains in-flight requests before it closes.
/// </summary>
public sealed class HostShutdownRequester(IHostApplicationLifetime lifetime) : IShutdownRequester
{
    public void RequestShutdown() => ThreadPool.QueueUserWorkItem(_ => lifetime.StopApplication());
}
