using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// The real faithcoind (faithcoind.dll, copied next to the tests by the project reference) run through the
/// dotnet host, with its output captured and an HTTP client for its RPC port.
/// </summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private string? dataDirectory;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private DaemonProcess(Process process, int rpcPort)
    {
        this.process = process;
        RpcPort = rpcPort;
    }

    public int RpcPort { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public string Stdout
    {
        get
        {
            lock (stdout)
            {
                return stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    public static DaemonProcess Start(int rpcPort, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "faithcoind.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The daemon listens for peers by default, as the original does; a fixed default port would make
        // daemons of tests running side by side collide, so each gets a free one unless the test chose.
        if (!args.Any(a => a.StartsWith("-port=", StringComparison.Ordinal)))
        {
            start.ArgumentList.Add($"-port={FreePort()}");
        }

        var process = new Process { StartInfo = start };
        var daemon = new DaemonProcess(process, rpcPort)
        {
            dataDirectory = args.LastOrDefault(a => a.StartsWith("-datadir=", StringComparison.Ordinal))?["-datadir=".Length..],
        };
        process.OutputDataReceived += (_, e) => Append(daemon.stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(daemon.stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return daemon;
    }

    /// <summary>Runs faithcoind to completion (for start-up failures and -help/-version).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(params string[] args)
    {
        await using var daemon = Start(0, args);
        var exitCode = await daemon.WaitForExitAsync(TimeSpan.FromSeconds(20));
        return (exitCode, daemon.Stdout, daemon.Stderr);
    }

    /// <summary>A port nobody listens on right now, found by letting the OS pick one.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until RPC answers a call (not -28, not refused); credentials are read each try (the cookie appears at start).</summary>
    public async Task WaitUntilReadyAsync(Func<string?> credentials, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"faithcoind exited with {process.ExitCode}: {Stderr}\n{Stdout}");
            }

            var user = credentials();
            if (user is not null)
            {
                try
                {
                    using var response = await PostAsync("""{"method":"getblockcount","id":0}""", user);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"faithcoind did not become ready: {Stderr}\n{Stdout}");
    }

    public async Task<HttpResponseMessage> PostAsync(string body, string? credentials, string path = "/")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{RpcPort}{path}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        return await http.SendAsync(request);
    }

    /// <summary>A GET on the RPC port (REST), returning the body text; fails on a non-success status.</summary>
    public async Task<string> GetRestAsync(string path)
    {
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{RpcPort}{path}"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return text;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(string body, string credentials)
    {
        using var response = await PostAsync(body, credentials);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            // Say where it stands: a daemon that does not stop is a bug to find from its last lines.
            var log = dataDirectory is null ? null : Directory.EnumerateFiles(dataDirectory, "debug.log", SearchOption.AllDirectories).FirstOrDefault();
            var lines = log is null ? Stdout.Split('\n') : File.ReadAllLines(log);
            throw new TimeoutException($"the daemon did not exit within {timeout}; its last lines:\n{string.Join('\n', lines.TakeLast(40))}\n{Stderr}");
        }

        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }
}
