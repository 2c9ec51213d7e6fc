using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Faithcoin.Node.Metrics;

/// <summary>
/// The metrics and health listener (-metricsport), on its own Kestrel server apart from RPC so that probes and
/// scrapes need no RPC credentials and never queue behind RPC calls. Registered before the start-up service, it
/// answers /livez and /readyz while the chain loads. An operator who asked for it wants it: a port that cannot
/// be bound stops the start.
/// </summary>
public sealed partial class MetricsHttpServer(
    MetricsSettings settings,
    MetricsHttpHandler handler,
    CollectorRegistry registry,
    MetricsCollection collection,
    IServiceProvider services,
    ILoggerFactory loggerFactory,
    ILogger<MetricsHttpServer> logger) : IHostedService, IAsyncDisposable
{
    // Scrapes and probes are small GETs; anything bigger is not for this listener.
    private const int MaxHeaderBytes = 8192;
    private static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(30);

    private KestrelServer? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = settings.Port ?? throw new InvalidOperationException("The metrics server needs -metricsport.");
        LogBinding(logger, settings.Bind.ToString(), port);
        var kestrelOptions = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = services };
        kestrelOptions.Limits.MaxRequestBodySize = 0;
        kestrelOptions.Limits.MaxRequestHeadersTotalSize = MaxHeaderBytes;
        kestrelOptions.Limits.KeepAliveTimeout = KeepAliveTimeout;
        kestrelOptions.Listen(settings.Bind, port, l => l.Protocols = HttpProtocols.Http1);
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggerFactory);
        var created = new KestrelServer(Options.Create(kestrelOptions), transport, loggerFactory);
        try
        {
            await created.StartAsync(new MetricsHttpApplication(handler), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            created.Dispose();
            throw new InvalidOperationException($"Unable to start the metrics server on {settings.Bind} port {port}: {e.Message}", e);
        }

        server = created;
        registry.AddBeforeCollectCallback(collection.CollectAll);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is { } running)
        {
            server = null;
            await running.StopAsync(cancellationToken).ConfigureAwait(false);
            running.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    [LoggerMessage(Level = LogLevel.Information, Message = "Binding metrics on address {Host} port {Port}")]
    private static partial void LogBinding(ILogger logger, string host, int port);
}
