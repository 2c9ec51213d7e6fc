using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Crash;

/// <summary>
/// One run of the real faithcoind on a data directory: RPC with fixed credentials, a SIGKILL that does not wait for
/// anything, and the time since the process was started.
/// </summary>
internal sealed class CrashNode : IAsyncDisposable
{
    public const string Credentials = "crash:crash";

    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);

    private readonly DaemonProcess daemon;

    private CrashNode(DaemonProcess daemon, string name, Stopwatch sinceStart)
    {
        this.daemon = daemon;
        Name = name;
        SinceStart = sinceStart;
    }

    public string Name { get; }

    public int RpcPort => daemon.RpcPort;

    /// <summary>Started just before the process was created.</summary>
    public Stopwatch SinceStart { get; }

    public bool WasKilled { get; private set; }

    public bool HasExited => daemon.HasExited;

    /// <summary>
    /// Regtest, the data directory, the RPC port and credentials, console log (kept for failure messages). The P2P
    /// port is a free one unless given, so nodes never share the regtest default.
    /// </summary>
    public static CrashNode Start(string name, string dataDirectory, int rpcPort, params string[] extra) =>
        Start(name, dataDirectory, rpcPort, DaemonProcess.FreePort(), extra);

    public static CrashNode Start(string name, string dataDirectory, int rpcPort, int p2pPort, params string[] extra)
    {
        string[] args =
        [
            "-regtest", $"-datadir={dataDirectory}", $"-rpcport={rpcPort}", $"-port={p2pPort}", "-rpcuser=crash",
            "-rpcpassword=crash", "-printtoconsole", .. extra,
        ];
        var sinceStart = Stopwatch.StartNew();
        return new CrashNode(DaemonProcess.Start(rpcPort, args), name, sinceStart);
    }

    /// <summary>Until an RPC call is answered with 200 (the warm-up is over); returns the time since the process start.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan timeout)
    {
        await daemon.WaitUntilReadyAsync(() => Credentials, timeout);
        return SinceStart.Elapsed;
    }

    public async Task<JsonElement> CallAsync(string method, params JsonNode?[] parameters)
    {
        var request = new JsonObject { ["method"] = method, ["params"] = new JsonArray(parameters), ["id"] = 1 };
        var (status, body) = await daemon.CallAsync(request.ToJsonString(), Credentials);
        if (status != HttpStatusCode.OK || body.GetProperty("error").ValueKind != JsonValueKind.Null)
        {
            throw new RpcCallException($"{Name}: {method} answered {(int)status}: {body.GetProperty("error")}");
        }

        return body.GetProperty("result");
    }

    /// <summary>One HTTP request with a JSON-RPC batch of calls of one method; the results in order.</summary>
    public Task<List<JsonElement>> CallBatchAsync(string method, IEnumerable<JsonNode?[]> calls) =>
        CallBatchAsync(calls.Select(parameters => (method, parameters)));

    /// <summary>One HTTP request with a JSON-RPC batch (the server runs it in order); the results in order.</summary>
    public async Task<List<JsonElement>> CallBatchAsync(IEnumerable<(string Method, JsonNode?[] Parameters)> calls)
    {
        var batch = new JsonArray();
        var id = 0;
        foreach (var (method, parameters) in calls)
        {
            batch.Add(new JsonObject { ["method"] = method, ["params"] = new JsonArray(parameters), ["id"] = id++ });
        }

        var (status, body) = await daemon.CallAsync(batch.ToJsonString(), Credentials);
        if (status != HttpStatusCode.OK || body.ValueKind != JsonValueKind.Array)
        {
            throw new RpcCallException($"{Name}: batch answered {(int)status}: {body}");
        }

        var results = new List<JsonElement>();
        foreach (var reply in body.EnumerateArray())
        {
            if (reply.GetProperty("error").ValueKind != JsonValueKind.Null)
            {
                throw new RpcCallException($"{Name}: batch element {reply.GetProperty("id")} failed: {reply.GetProperty("error")}");
            }

            results.Add(reply.GetProperty("result"));
        }

        return results;
    }

    public async Task<TxOutSet> TxOutSetAsync() => TxOutSet.From(await CallAsync("gettxoutsetinfo"));

    /// <summary>SIGKILL (Process.Kill on Unix), then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        WasKilled = true;
        if (!daemon.HasExited)
        {
            try
            {
                using var process = Process.GetProcessById(daemon.ProcessId);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }
        }

        await daemon.WaitForExitAsync(ExitTimeout);
    }

    /// <summary>The stop RPC and a clean exit (status 0).</summary>
    public async Task StopAsync()
    {
        await CallAsync("stop");
        var exitCode = await daemon.WaitForExitAsync(ExitTimeout);
        Assert.True(exitCode == 0, $"{Name} exited with {exitCode} after stop:\n{Tail()}");
    }

    /// <summary>The last lines of the console log and stderr, for failure messages.</summary>
    public string Stdout => daemon.Stdout;

    public string Tail(int lines = 40)
    {
        var all = daemon.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return $"--- {Name} stdout (last {lines} lines) ---\n{string.Join('\n', all.TakeLast(lines))}\n--- stderr ---\n{daemon.Stderr}";
    }

    public ValueTask DisposeAsync() => daemon.DisposeAsync();
}

internal sealed class RpcCallException(string message) : Exception(message);

/// <summary>gettxoutsetinfo: one snapshot of the coins, so height, best block and digest belong together.</summary>
internal sealed record TxOutSet(int Height, string BestBlock, string Digest, long TxOuts, long Transactions, string TotalAmount)
{
    public static TxOutSet From(JsonElement info) => new(
        info.GetProperty("height").GetInt32(),
        info.GetProperty("bestblock").GetString()!,
        info.GetProperty("hash_serialized_2").GetString()!,
        info.GetProperty("txouts").GetInt64(),
        info.GetProperty("transactions").GetInt64(),
        info.GetProperty("total_amount").GetRawText());
}
