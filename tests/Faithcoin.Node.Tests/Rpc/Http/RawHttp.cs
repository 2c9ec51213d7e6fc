using System.Net.Sockets;
using System.Text;

namespace Faithcoin.Node.Tests.Rpc.Http;

/// <summary>A bare TCP connection to the server, for what an HTTP client library would not send: half requests, stalls, reuse.</summary>
public sealed class RawHttp : IDisposable
{
    private readonly TcpClient client = new() { NoDelay = true };

    private RawHttp()
    {
    }

    public NetworkStream Stream => client.GetStream();

    public static async Task<RawHttp> ConnectAsync(int port)
    {
        var raw = new RawHttp();
        await raw.client.ConnectAsync("127.0.0.1", port);
        return raw;
    }

    public static string Post(string body, string credentials, string path = "/") =>
        $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))}\r\n" +
        $"Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    public async Task SendAsync(string text) => await Stream.WriteAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Reads one response (headers and a Content-Length body); null when the server closed the connection first.</summary>
    public async Task<string?> ReadResponseAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var text = Encoding.UTF8.GetString(received.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0 && received.Count - (end + 4) >= ContentLength(text[..end]))
            {
                return text;
            }

            var read = await Stream.ReadAsync(buffer, cancel.Token);
            if (read == 0)
            {
                return received.Count == 0 ? null : text;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }
    }

    /// <summary>True when the server closes the connection within <paramref name="timeout"/> (any bytes it sends first are skipped).</summary>
    public async Task<bool> IsClosedByServerWithinAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        try
        {
            while (await Stream.ReadAsync(buffer, cancel.Token) > 0)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => client.Dispose();

    private static int ContentLength(string headers)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
