using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Faithcoin.P2P.Peers;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Net.ProxyProtocol;

/// <summary>
/// Inbound connections from -proxyprotocol sources: reads the possible PROXY header off the accept path (the
/// listener never waits), then hands the socket on with the peer's address and the P2P bytes already read.
/// Connections closed here (silent, hung up, malformed) never reach the peer logic, so no address is blamed.
/// </summary>
public sealed partial class ProxyAcceptor : IAsyncDisposable
{
    private readonly IReadOnlyList<IPNetwork> sources;
    private readonly ProxyPreambleReader reader;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<long, Task> pending = new();
    private long lastPendingId;

    public ProxyAcceptor(IReadOnlyList<IPNetwork> sources, TimeSpan timeout, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(logger);
        this.sources = sources;
        reader = new ProxyPreambleReader(timeout);
        this.logger = logger;
    }

    public bool Trusts(IPAddress address) => sources.Any(s => s.Contains(AddressClass.Normalize(address)));

    /// <summary>
    /// False for a socket from outside the trusted sources (never read for a header). Otherwise reads its start in
    /// the background and <paramref name="admit"/> gets it unless it is closed.
    /// </summary>
    public bool TryAccept(Socket socket, Action<Socket, IPEndPoint, ReadOnlyMemory<byte>> admit)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(admit);
        if (!Trusts(((IPEndPoint)socket.RemoteEndPoint!).Address))
        {
            return false;
        }

        var id = Interlocked.Increment(ref lastPendingId);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = gate.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await ReadThenAdmitAsync(socket, admit).ConfigureAwait(false);
            }
            finally
            {
                pending.TryRemove(id, out _);
                gate.TrySetResult();
            }
        });
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(pending.Values.ToList()).ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task ReadThenAdmitAsync(Socket socket, Action<Socket, IPEndPoint, ReadOnlyMemory<byte>> admit)
    {
        var proxy = (IPEndPoint)socket.RemoteEndPoint!;
        ProxyPreamble preamble;
        try
        {
            preamble = await reader.ReadAsync(socket, stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            socket.Dispose();
            return;
        }

        if (preamble.Remote is null)
        {
            if (preamble.Malformed)
            {
                LogMalformed(logger, proxy, preamble.Problem ?? string.Empty);
            }
            else
            {
                LogClosed(logger, proxy, preamble.Problem ?? string.Empty);
            }

            socket.Dispose();
            return;
        }

        try
        {
            admit(socket, preamble.Remote, preamble.Rest);
        }
#pragma warning disable CA1031 // As the listener: one bad connection must not stop accepting.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogMalformed(logger, proxy, e.Message);
            socket.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "connection from {Proxy} closed: {Problem}")]
    private static partial void LogMalformed(ILogger logger, IPEndPoint proxy, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "connection from {Proxy} closed before a PROXY header or message: {Problem}")]
    private static partial void LogClosed(ILogger logger, IPEndPoint proxy, string problem);
}
