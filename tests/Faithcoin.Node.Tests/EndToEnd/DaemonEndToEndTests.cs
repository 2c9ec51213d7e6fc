using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>The real faithcoind on free loopback ports, one per network, answering over JSON-RPC.</summary>
[Collection(DaemonCollection.Name)]
public sealed class DaemonEndToEndTests
{
    // From docs/faithcoin-chain.md, written out here so the test does not trust the code under test.
    private const string MainGenesis = "ee686214586277080977cf43d2a0b38bcd48d696129b19c026d8208f9e745cea";
    private const string TestGenesis = "d686c51a8ba8b81e4173096785e458253105e1a4d637fd7824893cd2691ee71f";
    private const string RegtestGenesis = "2f2a3df80323d97e3fc6700da36761482389e5f8982ed2e0425420479e36928d";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);

    private static string? ReadCookie(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task<string> GetBlockHashZeroAsync(DaemonProcess daemon, string credentials)
    {
        var (status, reply) = await daemon.CallAsync("""{"jsonrpc":"1.0","method":"getblockhash","params":[0],"id":"e2e"}""", credentials);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("e2e", reply.GetProperty("id").GetString());
        return reply.GetProperty("result").GetString()!;
    }

    [Fact]
    public async Task RegtestServesGenesisWithCookieAuthAndStopsWithExitCode0()
    {
        using var data = new TempDirectory();
        var port = DaemonProcess.FreePort();
        var chainFolder = data.Combine("regtest");
        var cookiePath = Path.Combine(chainFolder, ".cookie");
        await using var daemon = DaemonProcess.Start(port, "-regtest", $"-datadir={data.Path}", $"-rpcport={port}", "-printtoconsole");
        await daemon.WaitUntilReadyAsync(() => ReadCookie(cookiePath), StartTimeout);
        var cookie = ReadCookie(cookiePath)!;
        Assert.StartsWith("__cookie__:", cookie, StringComparison.Ordinal);

        Assert.Equal(RegtestGenesis, await GetBlockHashZeroAsync(daemon, cookie));

        var (status, info) = await daemon.CallAsync("""{"method":"getblockchaininfo","id":1}""", cookie);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("regtest", info.GetProperty("result").GetProperty("chain").GetString());
        Assert.Equal(RegtestGenesis, info.GetProperty("result").GetProperty("bestblockhash").GetString());

        using (var bad = await daemon.PostAsync("""{"method":"getblockcount","id":1}""", "__cookie__:wrong"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
            Assert.Equal("Basic realm=\"jsonrpc\"", bad.Headers.WwwAuthenticate.ToString());
        }

        (status, var unknown) = await daemon.CallAsync("""{"method":"nosuchmethod","id":2}""", cookie);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(-32601, unknown.GetProperty("error").GetProperty("code").GetInt32());

        (status, var parse) = await daemon.CallAsync("""{"method":""", cookie);
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(-32700, parse.GetProperty("error").GetProperty("code").GetInt32());

        (status, var batch) = await daemon.CallAsync(
            """[{"method":"getblockcount","id":1},{"method":"getbestblockhash","id":2},{"method":"getblockhash","params":[5],"id":3}]""", cookie);
        Assert.Equal(HttpStatusCode.OK, status);
        var items = batch.EnumerateArray().ToArray();
        Assert.Equal(0, items[0].GetProperty("result").GetInt32());
        Assert.Equal(RegtestGenesis, items[1].GetProperty("result").GetString());
        Assert.Equal(-8, items[2].GetProperty("error").GetProperty("code").GetInt32());

        var pidPath = Path.Combine(chainFolder, "faithcoin.pid");
        Assert.Equal(daemon.ProcessId, int.Parse(File.ReadAllText(pidPath).Trim(), CultureInfo.InvariantCulture));

        // A second daemon on the same data directory must refuse to start.
        var (secondExit, _, secondErr) = await DaemonProcess.RunToExitAsync("-regtest", $"-datadir={data.Path}", $"-rpcport={DaemonProcess.FreePort()}");
        Assert.Equal(1, secondExit);
        Assert.Contains("Cannot obtain a lock on data directory", secondErr, StringComparison.Ordinal);

        (status, var stop) = await daemon.CallAsync("""{"method":"stop","id":9}""", cookie);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Faithcoin server stopping", stop.GetProperty("result").GetString());
        Assert.Equal(0, await daemon.WaitForExitAsync(ExitTimeout));

        Assert.False(File.Exists(cookiePath), "the cookie is deleted at shutdown");
        Assert.False(File.Exists(pidPath), "the pid file is deleted at shutdown");
        var log = await File.ReadAllTextAsync(Path.Combine(chainFolder, "debug.log"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} Faithcoin Core Daemon version v0\.15\.0\.1\n", log);
        Assert.Contains("incorrect password attempt", log, StringComparison.Ordinal);
        Assert.Contains("Using data directory " + chainFolder, daemon.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestnetServesGenesisAndExitsWith0OnSigterm()
    {
        using var data = new TempDirectory();
        var port = DaemonProcess.FreePort();
        var cookiePath = data.Combine("testnet4", ".cookie");
        await using var daemon = DaemonProcess.Start(port, "-testnet", $"-datadir={data.Path}", $"-rpcport={port}");
        await daemon.WaitUntilReadyAsync(() => ReadCookie(cookiePath), StartTimeout);

        Assert.Equal(TestGenesis, await GetBlockHashZeroAsync(daemon, ReadCookie(cookiePath)!));
        Assert.True(File.Exists(data.Combine("testnet4", "debug.log")));
        Assert.Equal(string.Empty, daemon.Stdout);

        daemon.Signal("TERM");
        Assert.Equal(0, await daemon.WaitForExitAsync(ExitTimeout));
        Assert.False(File.Exists(cookiePath));
    }

    [Fact]
    public async Task MainServesGenesisFromTheDataDirectoryItself()
    {
        using var data = new TempDirectory();
        var port = DaemonProcess.FreePort();
        var cookiePath = data.Combine(".cookie");
        await using var daemon = DaemonProcess.Start(port, $"-datadir={data.Path}", $"-rpcport={port}", $"-port={DaemonProcess.FreePort()}");
        await daemon.WaitUntilReadyAsync(() => ReadCookie(cookiePath), StartTimeout);
        var cookie = ReadCookie(cookiePath)!;

        Assert.Equal(MainGenesis, await GetBlockHashZeroAsync(daemon, cookie));
        var (_, info) = await daemon.CallAsync("""{"method":"getblockchaininfo","params":[],"id":1}""", cookie);
        Assert.Equal("main", info.GetProperty("result").GetProperty("chain").GetString());
        Assert.True(File.Exists(data.Combine("debug.log")));

        await daemon.CallAsync("""{"method":"stop","id":1}""", cookie);
        Assert.Equal(0, await daemon.WaitForExitAsync(ExitTimeout));
    }

    [Fact]
    public async Task PasswordFromTheConfFileAuthenticatesAndSigintExitsWith0()
    {
        using var data = new TempDirectory();
        var port = DaemonProcess.FreePort();
        await File.WriteAllTextAsync(
            data.Combine("faithcoin.conf"),
            $"# written by the test\nregtest=1\nrpcport={port}\nrpcuser=alice\nrpcpassword=s3cret\nserver=1\n");
        await using var daemon = DaemonProcess.Start(port, $"-datadir={data.Path}");
        await daemon.WaitUntilReadyAsync(() => "alice:s3cret", StartTimeout);

        Assert.Equal(RegtestGenesis, await GetBlockHashZeroAsync(daemon, "alice:s3cret"));
        Assert.False(File.Exists(data.Combine("regtest", ".cookie")));
        using (var bad = await daemon.PostAsync("""{"method":"uptime","id":1}""", "alice:wrong"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        }

        var (_, uptime) = await daemon.CallAsync("""{"method":"uptime","id":1}""", "alice:s3cret");
        Assert.Equal(JsonValueKind.Number, uptime.GetProperty("result").ValueKind);

        daemon.Signal("INT");
        Assert.Equal(0, await daemon.WaitForExitAsync(ExitTimeout));
    }
}
