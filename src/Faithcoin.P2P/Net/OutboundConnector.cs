using System.Net;
using System.Net.Sockets;

namespace Faithcoin.P2P.Net;

/// <summary>Opens outbound TCP connections with the -timeout connect limit (ConnectSocketDirectly).</summary>
public sealed class OutboundConnector
{
    private readonly TimeSpan connectTimeout;

    public OutboundConnector(TimeSpan connectTimeout)
    {
        this.connectTimeout = connectTimeout;
    }

    /// <summary>Connects to the first address that answers in time; null when none does.</summary>
    public async Task<Socket?> ConnectAsync(IReadOnlyList<IPEndPoint> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var candidate in candidates)
        {
            var socket = new Socket(candidate.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(connectTimeout);
            try
            {
                await socket.ConnectAsync(candidate, timeout.Token).ConfigureAwait(false);
                return socket;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return null;
    }
}
