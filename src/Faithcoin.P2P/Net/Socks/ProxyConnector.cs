using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Net.Socks;

/// <summary>
/// 0.15's ConnectThroughProxy: a TCP connection to the proxy within -timeout, then the SOCKS5 handshake. With
/// randomized credentials every connection gets a username and password of its own (a counter, as 0.15), which
/// Tor takes as a request for a separate circuit (stream isolation).
/// </summary>
public sealed partial class ProxyConnector
{
    private readonly OutboundConnector direct;
    private readonly Socks5Handshake handshake;
    private readonly ILogger logger;
    private long credentialCounter = -1;

    public ProxyConnector(OutboundConnector direct, TimeSpan receiveTimeout, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(direct);
        ArgumentNullException.ThrowIfNull(logger);
        this.direct = direct;
        handshake = new Socks5Handshake(receiveTimeout);
        this.logger = logger;
    }

    /// <summary>A socket carrying the connection to <paramref name="host"/>, or null (the reason is logged).</summary>
    public async Task<Socket?> ConnectAsync(SocksProxy proxy, string host, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(host);
        var socket = await direct.ConnectAsync([proxy.Endpoint], cancellationToken).ConfigureAwait(false);
        if (socket is null)
        {
            LogProxyUnreachable(logger, proxy.ToString());
            return null;
        }

        var credentials = proxy.RandomizeCredentials ? NextCredentials() : null;
        LogConnecting(logger, host);
        try
        {
            using (var stream = new NetworkStream(socket, ownsSocket: false))
            {
                await handshake.ConnectAsync(stream, host, port, credentials, cancellationToken).ConfigureAwait(false);
            }

            LogConnected(logger, host);
            return socket;
        }
        catch (Exception e) when (e is Socks5Exception or TimeoutException or IOException or SocketException or OperationCanceledException)
        {
            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            LogFailed(logger, host, port, e.Message);
            return null;
        }
    }

    private ProxyCredentials NextCredentials()
    {
        var value = Interlocked.Increment(ref credentialCounter).ToString(CultureInfo.InvariantCulture);
        return new ProxyCredentials(value, value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cannot connect to proxy {Proxy}")]
    private static partial void LogProxyUnreachable(ILogger logger, string proxy);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SOCKS5 connecting {Host}")]
    private static partial void LogConnecting(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SOCKS5 connected {Host}")]
    private static partial void LogConnected(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socks5() connect to {Host}:{Port} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string host, int port, string reason);
}
