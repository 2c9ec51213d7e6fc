using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// A minimal SOCKS5 server for the daemon tests (no authentication, or RFC 1929 accepted as given): it logs the
/// address type and host of each CONNECT and relays bytes to where <see cref="Route"/> sends that host.
/// </summary>
public sealed class SocksRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<(byte AddressType, string Host, int Port)> requests = new();
    private readonly ConcurrentBag<Socket> sockets = [];
    private readonly Task acceptLoop;

    public SocksRelay(Func<string, IPEndPoint?> route)
    {
        Route = route;
        listener.Start();
        acceptLoop = AcceptLoopAsync();
    }

    public IPEndPoint Endpoint => (IPEndPoint)listener.LocalEndpoint;

    public Func<string, IPEndPoint?> Route { get; }

    public IReadOnlyList<(byte AddressType, string Host, int Port)> Requests => requests.ToList();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        await acceptLoop;
        stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptSocketAsync(stopping.Token);
                sockets.Add(client);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(Socket client)
    {
        var token = stopping.Token;
        try
        {
            await using var stream = new NetworkStream(client, ownsSocket: false);
            var methods = await ReadAsync(stream, (await ReadAsync(stream, 2, token))[1], token);
            if (methods.Contains((byte)0x02))
            {
                await stream.WriteAsync(new byte[] { 0x05, 0x02 }, token);
                _ = await ReadAsync(stream, (await ReadAsync(stream, 2, token))[1], token);
                _ = await ReadAsync(stream, (await ReadAsync(stream, 1, token))[0], token);
                await stream.WriteAsync(new byte[] { 0x01, 0x00 }, token);
            }
            else
            {
                await stream.WriteAsync(new byte[] { 0x05, 0x00 }, token);
            }

            var head = await ReadAsync(stream, 4, token);
            var host = head[3] switch
            {
                0x01 => new IPAddress(await ReadAsync(stream, 4, token)).ToString(),
                0x04 => new IPAddress(await ReadAsync(stream, 16, token)).ToString(),
                _ => Encoding.ASCII.GetString(await ReadAsync(stream, (await ReadAsync(stream, 1, token))[0], token)),
            };
            var port = await ReadAsync(stream, 2, token);
            requests.Enqueue((head[3], host, (port[0] << 8) | port[1]));
            var target = Route(host);
            await stream.WriteAsync(new byte[] { 0x05, target is null ? (byte)0x04 : (byte)0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0 }, token);
            if (target is null)
            {
                return;
            }

            var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp);
            sockets.Add(upstream);
            await upstream.ConnectAsync(target, token);
            await using var upstreamStream = new NetworkStream(upstream, ownsSocket: true);
            await Task.WhenAny(stream.CopyToAsync(upstreamStream, token), upstreamStream.CopyToAsync(stream, token));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    private static async Task<byte[]> ReadAsync(Stream stream, int count, CancellationToken token)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, token);
        return buffer;
    }
}
