using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>-daemon: the started process prints 0.15's line and exits 0, a detached copy runs the node.</summary>
[Collection(DaemonCollection.Name)]
public sealed class DaemonModeTests
{
    [Fact]
    public async Task DaemonDetachesWritesThePidFileAnswersRpcAndStops()
    {
        using var data = new TempDirectory();
        var port = DaemonProcess.FreePort();
        var pidPath = data.Combine("regtest", "custom.pid");
        var (exitCode, stdout, stderr) = await DaemonProcess.RunToExitAsync(
            "-daemon", "-regtest", $"-datadir={data.Path}", $"-rpcport={port}", "-rpcuser=d", "-rpcpassword=p", "-pid=custom.pid");
        Assert.True(exitCode == 0, stderr);
        Assert.Equal("Faithcoin server starting\n", stdout);

        var pid = await WaitForPidAsync(pidPath);
        try
        {
            Assert.NotEqual(0, pid);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("d:p")));
            Assert.Contains("\"result\":0", await CallUntilAnsweredAsync(http, port, "getblockcount"), StringComparison.Ordinal);
            Assert.Contains("stopping", await CallUntilAnsweredAsync(http, port, "stop"), StringComparison.Ordinal);

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (DateTime.UtcNow < deadline && IsRunning(pid))
            {
                await Task.Delay(50);
            }

            Assert.False(IsRunning(pid));
            Assert.False(File.Exists(pidPath));
        }
        finally
        {
            if (IsRunning(pid))
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<int> WaitForPidAsync(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(path) && int.TryParse((await File.ReadAllTextAsync(path)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the detached daemon wrote no pid file");
    }

    private static async Task<string> CallUntilAnsweredAsync(HttpClient http, int port, string method)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                using var content = new StringContent($$"""{"method":"{{method}}","params":[],"id":1}""", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{port}/"), content);
                var body = await response.Content.ReadAsStringAsync();
                if (!body.Contains("\"code\":-28", StringComparison.Ordinal))
                {
                    return body;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{method} got no answer");
            }

            await Task.Delay(50);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
