using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Net;

/// <summary>
/// One listening socket (-bind). The socket is bound and listening when <see cref="Start"/> returns, so a TCP
/// probe succeeds at once; the accept loop only hands sockets on and never waits for a peer.
/// </summary>
public sealed partial class ConnectionListener : IAsyncDisposable
{
    private readonly IPEndPoint endpoint;
    private readonly Action<Socket> onAccepted;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private Socket? socket;
    private Task? acceptLoop;

    public ConnectionListener(IPEndPoint endpoint, Action<Socket> onAccepted, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(onAccepted);
        ArgumentNullException.ThrowIfNull(logger);
        this.endpoint = endpoint;
        this.onAccepted = onAccepted;
        this.logger = logger;
    }

    /// <summary>The bound address, with the real port when port 0 was asked for.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)(socket?.LocalEndPoint ?? endpoint);

    public void Start()
    {
        var listening = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // As 0.15: an IPv6 socket serves IPv6 only; IPv4 gets its own socket.
                listening.DualMode = false;
            }

            // No ReuseAddress: on Linux .NET maps it to SO_REUSEPORT as well, which would let a second daemon
            // share the port and split peers between the two. The runtime already permits rebinding over
            // TIME_WAIT, which is all a restart needs.
            listening.Bind(endpoint);
            listening.Listen((int)SocketOptionName.MaxConnections);
        }
        catch
        {
            listening.Dispose();
            throw;
        }

        socket = listening;
        LogBound(logger, LocalEndPoint);
        acceptLoop = Task.Run(() => AcceptLoopAsync(listening, stopping.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        socket?.Dispose();
        if (acceptLoop is not null)
        {
            await acceptLoop.ConfigureAwait(false);
        }

        stopping.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listening, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await listening.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                LogAcceptFailed(logger, e.SocketErrorCode.ToString());
                continue;
            }

            try
            {
                accepted.NoDelay = true;
                onAccepted(accepted);
            }
#pragma warning disable CA1031 // One bad connection must not stop the listener.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogAcceptFailed(logger, e.Message);
                accepted.Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bound to {Endpoint}")]
    private static partial void LogBound(ILogger logger, IPEndPoint endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "socket error accept failed: {Error}")]
    private static partial void LogAcceptFailed(ILogger logger, string error);
}
