using System.Net;
using Faithcoin.Node.Configuration;
using Faithcoin.Node.Rest;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Faithcoin.Node.Rpc.Http;

/// <summary>
/// The HTTP server (-server) for JSON-RPC and, with -rest, REST. Each bind address gets its own Kestrel listener so
/// that, as in the original, an address that cannot be bound (say ::1 on a host without IPv6) is logged and skipped;
/// only when none can be bound does start-up fail. All listeners share one work queue (-rpcthreads, -rpcworkqueue).
/// </summary>
public sealed partial class RpcHttpServer(
    NodeOptions options,
    RpcAuthenticator authenticator,
    RpcAccessList accessList,
    RpcHttpHandler handler,
    IServiceProvider services,
    ILoggerFactory loggerFactory,
    ILogger<RpcHttpServer> logger) : IHostedService, IAsyncDisposable
{
    // Kestrel's data-rate check needs a grace period above its one-second heartbeat.
    private static readonly TimeSpan MinimumGracePeriod = TimeSpan.FromSeconds(2);

    // The original's MAX_SIZE body and MAX_HEADERS_SIZE limits.
    private const long MaxBodyBytes = 0x02000000;
    private const int MaxHeaderBytes = 8192;

    private readonly List<KestrelServer> servers = [];
    private readonly HttpWorkQueue queue = new(options.Rpc.Threads, options.Rpc.WorkQueue);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        authenticator.Initialize();
        if (authenticator.UsesCookie)
        {
            LogCookie(logger, options.Rpc.CookieFilePath);
        }

        var plan = RpcBindPlan.For(options.Rpc);
        if (plan.Warning is not null)
        {
            LogWarning(logger, plan.Warning);
        }

        // REST is registered with the server but answers only with -rest; without it /rest/ is 404 like any unknown path.
        var rest = options.Rpc.Rest ? services.GetService(typeof(RestRequestHandler)) as RestRequestHandler : null;
        var router = new HttpRequestRouter(accessList, handler, rest, queue, loggerFactory.CreateLogger<HttpRequestRouter>());
        var application = new RpcHttpApplication(router);
        LogWorkers(logger, options.Rpc.Threads, options.Rpc.WorkQueue);
        foreach (var endpoint in plan.Endpoints)
        {
            LogBinding(logger, endpoint.Host, endpoint.Port);
            var server = CreateServer(endpoint);
            try
            {
                await server.StartAsync(application, cancellationToken).ConfigureAwait(false);
                servers.Add(server);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogBindFailed(logger, endpoint.Host, endpoint.Port, e.Message);
                server.Dispose();
            }
        }

        if (servers.Count == 0)
        {
            authenticator.Shutdown();
            throw new InvalidOperationException("Unable to start HTTP server. See debug log for details.");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var server in servers)
        {
            await server.StopAsync(cancellationToken).ConfigureAwait(false);
            server.Dispose();
        }

        if (servers.Count > 0)
        {
            servers.Clear();
            authenticator.Shutdown();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        queue.Dispose();
    }

    private KestrelServer CreateServer(HostPort endpoint)
    {
        var kestrelOptions = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = services };
        kestrelOptions.Limits.MaxRequestBodySize = MaxBodyBytes;
        kestrelOptions.Limits.MaxRequestHeadersTotalSize = MaxHeaderBytes;
        // -rpcservertimeout bounds every wait on the client, as libevent's evhttp_set_timeout does: an idle
        // keep-alive connection, headers that never finish, a body that stops arriving.
        var timeout = options.Rpc.ServerTimeout;
        kestrelOptions.Limits.KeepAliveTimeout = timeout;
        kestrelOptions.Limits.RequestHeadersTimeout = timeout;
        kestrelOptions.Limits.MinRequestBodyDataRate = new MinDataRate(240, timeout > MinimumGracePeriod ? timeout : MinimumGracePeriod);
        if (endpoint.Host == "localhost")
        {
            kestrelOptions.ListenLocalhost(endpoint.Port, l => l.Protocols = HttpProtocols.Http1);
        }
        else
        {
            kestrelOptions.Listen(IPAddress.Parse(endpoint.Host), endpoint.Port, l => l.Protocols = HttpProtocols.Http1);
        }

        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggerFactory);
        return new KestrelServer(Options.Create(kestrelOptions), transport, loggerFactory);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated RPC authentication cookie {Path}")]
    private static partial void LogCookie(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP: starting {Threads} worker threads, work queue depth {Depth}")]
    private static partial void LogWorkers(ILogger logger, int threads, int depth);

    [LoggerMessage(Level = LogLevel.Information, Message = "Binding RPC on address {Host} port {Port}")]
    private static partial void LogBinding(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Binding RPC on address {Host} port {Port} failed: {Reason}")]
    private static partial void LogBindFailed(ILogger logger, string host, int port, string reason);
}
