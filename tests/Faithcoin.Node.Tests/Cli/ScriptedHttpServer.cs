using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Faithcoin.Node.Tests.Cli;

/// <summary>
/// A loopback TCP listener that answers one connection with a fixed reply (or nothing), and keeps the raw request
/// it received, for the client's handling of servers faithcoind never is.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Task<string> serving;
    private readonly CancellationTokenSource stop = new();

    public ScriptedHttpServer(string? reply)
    {
        listener.Start();
        serving = ServeAsync(reply);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public Task<string> Request => serving;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await serving;
        }
        catch (OperationCanceledException)
        {
            // The client gave up first (the timeout case).
        }

        stop.Dispose();
    }

    private async Task<string> ServeAsync(string? reply)
    {
        using var client = await listener.AcceptTcpClientAsync(stop.Token);
        var stream = client.GetStream();
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!HasWholeRequest(received.ToString()))
        {
            var read = await stream.ReadAsync(buffer, stop.Token);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        if (reply is null)
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(reply!), stop.Token);
        return received.ToString();
    }

    private static bool HasWholeRequest(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var length = text[..end].Split("\r\n")
            .Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        return Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= length;
    }
}
