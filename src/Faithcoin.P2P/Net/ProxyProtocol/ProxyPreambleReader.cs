using System.Net;
using System.Net.Sockets;

namespace Faithcoin.P2P.Net.ProxyProtocol;

/// <summary>
/// Reads just enough of an inbound connection from a -proxyprotocol source to know whether it starts with a
/// PROXY header, within a time limit: a probe that sends nothing or hangs up must not hold a socket for long.
/// </summary>
public sealed class ProxyPreambleReader
{
    // Enough for any v1 line and a v2 header with its TLVs in the usual few reads.
    private const int Chunk = 512;
    private const int MaxV2Length = 16 + ushort.MaxValue;

    private readonly TimeSpan timeout;

    public ProxyPreambleReader(TimeSpan timeout)
    {
        this.timeout = timeout;
    }

    public async Task<ProxyPreamble> ReadAsync(Socket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var socketRemote = (IPEndPoint)socket.RemoteEndPoint!;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var buffer = new byte[Chunk];
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxV2Length));
                }

                var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, deadline.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return new ProxyPreamble(null, default, "closed before sending anything", Malformed: filled > 0);
                }

                filled += read;
                var status = ProxyHeaderParser.TryParse(buffer.AsSpan(0, filled), out var header, out var error);
                switch (status)
                {
                    case ProxyHeaderStatus.NotProxy:
                        return new ProxyPreamble(socketRemote, buffer.AsMemory(0, filled), null, false);
                    case ProxyHeaderStatus.Malformed:
                        return new ProxyPreamble(null, default, error, Malformed: true);
                    case ProxyHeaderStatus.Parsed:
                        return new ProxyPreamble(header!.Source ?? socketRemote, buffer.AsMemory(header.Length, filled - header.Length), null, false);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProxyPreamble(null, default, filled == 0 ? "sent nothing" : "incomplete PROXY header", Malformed: filled > 0);
        }
        catch (SocketException e)
        {
            return new ProxyPreamble(null, default, e.SocketErrorCode.ToString(), Malformed: false);
        }
    }
}
