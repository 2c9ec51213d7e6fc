using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Faithcoin.P2P.Tests.Proxy;

/// <summary>
/// A small SOCKS5 server (RFC 1928, RFC 1929) on loopback, written here so the node's client is not checked
/// with itself: it logs each request, answers as the test tells it, and relays bytes to where
/// <see cref="Route"/> sends the requested host (a real node), so the P2P handshake runs through it.
/// </summary>
public sealed class Socks5TestServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<Socks5Request> requests = new();
    private readonly ConcurrentBag<Socket> sockets = [];
    private readonly Task acceptLoop;
    private int connections;

    public Socks5TestServer(IPEndPoint? routeEverythingTo = null)
    {
        Route = _ => routeEverythingTo;
        listener.Start();
        acceptLoop = AcceptLoopAsync();
    }

    public IPEndPoint Endpoint => (IPEndPoint)listener.LocalEndpoint;

    /// <summary>Where a requested host is relayed to; null answers "host unreachable".</summary>
    public Func<string, IPEndPoint?> Route { get; set; }

    /// <summary>The reply code for a request (0 succeeds); by default every request succeeds.</summary>
    public Func<Socks5Request, byte> Answer { get; set; } = _ => 0x00;

    /// <summary>Read the greeting and never answer, as a hung proxy.</summary>
    public bool Silent { get; init; }

    /// <summary>Pick username/password when the client offers it.</summary>
    public bool WantsCredentials { get; init; }

    public IReadOnlyList<Socks5Request> Requests => requests.ToList();

    /// <summary>TCP connections accepted, answered or not.</summary>
    public int Connections => Volatile.Read(ref connections);

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
                Interlocked.Increment(ref connections);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(Socket client)
    {
        try
        {
            await using var stream = new NetworkStream(client, ownsSocket: false);
            var token = stopping.Token;
            var head = await ReadAsync(stream, 2, token);
            var methods = await ReadAsync(stream, head[1], token);
            if (Silent)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            string? user = null, password = null;
            if (WantsCredentials && methods.Contains((byte)0x02))
            {
                await stream.WriteAsync(new byte[] { 0x05, 0x02 }, token);
                var version = await ReadAsync(stream, 2, token);
                user = Encoding.UTF8.GetString(await ReadAsync(stream, version[1], token));
                password = Encoding.UTF8.GetString(await ReadAsync(stream, (await ReadAsync(stream, 1, token))[0], token));
                await stream.WriteAsync(new byte[] { 0x01, 0x00 }, token);
            }
            else
            {
                await stream.WriteAsync(new byte[] { 0x05, 0x00 }, token);
            }

            var request = await ReadRequestAsync(stream, methods, user, password, token);
            requests.Enqueue(request);
            var target = Route(request.Host);
            var code = target is null ? (byte)0x04 : Answer(request);
            await stream.WriteAsync(new byte[] { 0x05, code, 0x00, 0x01, 0, 0, 0, 0, 0, 0 }, token);
            if (code != 0x00)
            {
                client.Dispose();
                return;
            }

            var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp);
            sockets.Add(upstream);
            await upstream.ConnectAsync(target!, token);
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

    private static async Task<Socks5Request> ReadRequestAsync(Stream stream, byte[] methods, string? user, string? password, CancellationToken token)
    {
        var head = await ReadAsync(stream, 4, token);
        var host = head[3] switch
        {
            0x01 => new IPAddress(await ReadAsync(stream, 4, token)).ToString(),
            0x04 => new IPAddress(await ReadAsync(stream, 16, token)).ToString(),
            _ => Encoding.ASCII.GetString(await ReadAsync(stream, (await ReadAsync(stream, 1, token))[0], token)),
        };
        var port = await ReadAsync(stream, 2, token);
        return new Socks5Request(methods, user, password, head[3], host, (port[0] << 8) | port[1]);
    }

    private static async Task<byte[]> ReadAsync(Stream stream, int count, CancellationToken token)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, token);
        return buffer;
    }
}
