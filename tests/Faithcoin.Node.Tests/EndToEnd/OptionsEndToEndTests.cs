using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Faithcoin.Node.Tests.Rpc.Blockchain;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>0.15's options through the real daemon: conf handling, mock time, debug categories, notifications.</summary>
[Collection(DaemonCollection.Name)]
public sealed partial class OptionsEndToEndTests(OptionsDaemonFixture node) : IClassFixture<OptionsDaemonFixture>
{
    [Fact]
    public async Task WalletAndZmqOptionsInTheConfAreLoggedAsIgnoredAndTheNodeRuns()
    {
        var log = await node.ReadDebugLogAsync();
        Assert.Contains("Option -paytxfee (", log, StringComparison.Ordinal);
        Assert.Contains(") is ignored: faithcoind has no wallet", log, StringComparison.Ordinal);
        Assert.Contains(") is ignored: faithcoind has no ZeroMQ notifications", log, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, (await node.ResultAsync("getblockcount")).ValueKind);
    }

    [Fact]
    public async Task UacommentFromTheConfIsInTheSubversion()
    {
        var info = await node.ResultAsync("getnetworkinfo");
        Assert.EndsWith("(options-e2e)/", info.GetProperty("subversion").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MockTimeDrivesTemplatesAndBlocksAndSetmocktime0ReturnsToTheRealClock()
    {
        var later = OptionsDaemonFixture.MockTime + 5000;
        Assert.Equal(JsonValueKind.Null, (await node.ResultAsync("setmocktime", later.ToString(CultureInfo.InvariantCulture))).ValueKind);
        var template = await node.ResultAsync("getblocktemplate", """{"rules":["segwit"]}""");
        Assert.Equal(later, template.GetProperty("curtime").GetInt64());

        var hash = (await node.ResultAsync("generatetoaddress", $"1, \"{ChainRpcHarness.Address}\""))[0].GetString()!;
        var header = await node.ResultAsync("getblockheader", $"\"{hash}\"");
        Assert.Equal(later, header.GetProperty("time").GetInt64());

        await node.ResultAsync("setmocktime", "0");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var realTemplate = await node.ResultAsync("getblocktemplate", """{"rules":["segwit"]}""");
        Assert.InRange(realTemplate.GetProperty("curtime").GetInt64(), now - 60, now + 60);
        await node.ResultAsync("setmocktime", (later + 1000).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SetmocktimeChecksItsArgument()
    {
        Assert.Equal(-3, (await node.ErrorAsync("setmocktime", "\"soon\"")).Code);
        Assert.Equal("Expected type number, got string", (await node.ErrorAsync("setmocktime", "\"soon\"")).Message);
    }

    [Fact]
    public async Task DebugexcludeKeepsRpcOutUntilTheLoggingRpcTurnsItOn()
    {
        var before = await node.ResultAsync("logging");
        Assert.False(before.GetProperty("rpc").GetBoolean());
        Assert.True(before.GetProperty("net").GetBoolean());
        await node.ResultAsync("getconnectioncount");
        Assert.DoesNotContain("ThreadRPCServer method=getconnectioncount", await node.ReadDebugLogAsync(), StringComparison.Ordinal);

        var after = await node.ResultAsync("logging", """["rpc"]""");
        Assert.True(after.GetProperty("rpc").GetBoolean());
        await node.ResultAsync("getconnectioncount");
        Assert.Contains("ThreadRPCServer method=getconnectioncount", await node.ReadDebugLogAsync(), StringComparison.Ordinal);

        var excluded = await node.ResultAsync("logging", """[], ["rpc", "net"]""");
        Assert.False(excluded.GetProperty("rpc").GetBoolean());
        Assert.False(excluded.GetProperty("net").GetBoolean());
        Assert.Equal((-8, "unknown logging category nonsense"), await node.ErrorAsync("logging", """["nonsense"]"""));
    }

    [Fact]
    public async Task BlocknotifyWritesTheHashOfEachNewTipAndUpdateTipIsLoggedAs015()
    {
        var hashes = (await node.ResultAsync("generatetoaddress", $"2, \"{ChainRpcHarness.Address}\"")).EnumerateArray()
            .Select(h => h.GetString()!).ToArray();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline && !hashes.All(h => ReadNotified().Contains(h)))
        {
            await Task.Delay(50);
        }

        Assert.All(hashes, h => Assert.Contains(h, ReadNotified()));

        var header = await node.ResultAsync("getblockheader", $"\"{hashes[1]}\"");
        var height = header.GetProperty("height").GetInt32();
        var date = DateTimeOffset.FromUnixTimeSeconds(header.GetProperty("time").GetInt64()).UtcDateTime
            .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var line = (await node.ReadDebugLogAsync()).Split('\n').Single(l => l.Contains($"UpdateTip: new best={hashes[1]} ", StringComparison.Ordinal));
        Assert.Matches(UpdateTipLine(), line);
        Assert.Contains($" height={height} version=0x20000000 log2_work=", line, StringComparison.Ordinal);
        Assert.Contains($" tx={height + 1} date='{date}' progress=1.000000 cache=", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpListsOptionsWithDefaultsGroupedAndHelpDebugAddsTheDebugOnes()
    {
        var (exitCode, help, _) = await DaemonProcess.RunToExitAsync("-help");
        Assert.Equal(0, exitCode);
        Assert.Contains("Options:\n\n  -?\n       Print this help message and exit\n\n  -version\n", help, StringComparison.Ordinal);
        Assert.Contains("  -blocknotify=<cmd>\n       Execute command when the best block changes (%s in cmd is replaced by\n       block hash)\n", help, StringComparison.Ordinal);
        Assert.Contains("Keep the transaction memory pool below <n> megabytes (default: 300)", help, StringComparison.Ordinal);
        Assert.Contains("\nDebugging/Testing options:\n", help, StringComparison.Ordinal);
        Assert.Contains("\nNode relay options:\n", help, StringComparison.Ordinal);
        Assert.Contains("  -logtimestamps\n       Prepend debug output with timestamp (default: 1)\n", help, StringComparison.Ordinal);
        Assert.DoesNotContain("-mocktime", help, StringComparison.Ordinal);
        Assert.DoesNotContain("-paytxfee", help, StringComparison.Ordinal);

        var (_, debugHelp, _) = await DaemonProcess.RunToExitAsync("-help", "-help-debug");
        Assert.Contains("  -mocktime=<n>\n       Replace actual time with <n> seconds since epoch (default: 0)\n", debugHelp, StringComparison.Ordinal);
        Assert.Contains("  -logtimemicros\n", debugHelp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionPrintsTheVersion()
    {
        var (exitCode, stdout, _) = await DaemonProcess.RunToExitAsync("-version");
        Assert.Equal(0, exitCode);
        Assert.StartsWith("Faithcoin Core Daemon version v0.15.0.1\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedConfLineExits1WithFileAndLine()
    {
        using var data = new TempDirectory();
        await File.WriteAllTextAsync(data.Combine("faithcoin.conf"), "regtest=1\n# fine\nrpcuser\n");
        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync($"-datadir={data.Path}");
        Assert.Equal(1, exitCode);
        Assert.Contains($"Error: {data.Combine("faithcoin.conf")}:3: invalid line 'rpcuser'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShrinkdebugfileCutsAnOversizedDebugLogAtStart()
    {
        using var data = new TempDirectory();
        Directory.CreateDirectory(data.Combine("regtest"));
        var logPath = data.Combine("regtest", "debug.log");
        await using (var old = File.Create(logPath))
        {
            await old.WriteAsync("OLDEST-LINE\n"u8.ToArray());
            await old.WriteAsync(Enumerable.Repeat((byte)'.', 11_500_000).ToArray());
            await old.WriteAsync("\nNEWEST-OLD-LINE\n"u8.ToArray());
        }

        var port = DaemonProcess.FreePort();
        await using var daemon = DaemonProcess.Start(port, "-regtest", $"-datadir={data.Path}", $"-rpcport={port}", "-rpcuser=s", "-rpcpassword=s");
        await daemon.WaitUntilReadyAsync(() => "s:s", TimeSpan.FromSeconds(30));
        await daemon.CallAsync("""{"method":"stop","id":1}""", "s:s");
        Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(20)));

        var log = await File.ReadAllTextAsync(logPath);
        Assert.InRange(log.Length, 10_000_000, 10_100_000);
        Assert.DoesNotContain("OLDEST-LINE", log, StringComparison.Ordinal);
        Assert.Contains("NEWEST-OLD-LINE\n", log, StringComparison.Ordinal);
        Assert.Contains("Faithcoin Core Daemon version", log, StringComparison.Ordinal);
    }

    private string ReadNotified() => File.Exists(node.BlockNotifyFile) ? File.ReadAllText(node.BlockNotifyFile) : string.Empty;

    // 0.15: "%s: new best=%s height=%d version=0x%08x log2_work=%.8g tx=%lu date='%s' progress=%f cache=%.1fMiB(%utxo)",
    // after "yyyy-MM-dd HH:mm:ss" and, while the clock is mocked, " (mocktime: ...)".
    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(mocktime: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\) UpdateTip: new best=[0-9a-f]{64} height=\d+ version=0x[0-9a-f]{8} log2_work=\d+(\.\d{1,7})? tx=\d+ date='\d{4}-\d\d-\d\d \d\d:\d\d:\d\d' progress=\d\.\d{6} cache=\d+\.\dMiB\(\d+txo\)$")]
    private static partial Regex UpdateTipLine();
}
