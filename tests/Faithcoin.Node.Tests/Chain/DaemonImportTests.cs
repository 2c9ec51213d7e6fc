using System.Net;
using System.Text.Json;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Chain;

/// <summary>The real faithcoind importing the fixture slice with -loadblock, then restarting on what it stored.</summary>
[Collection(DaemonCollection.Name)]
public sealed class DaemonImportTests
{
    private const string Credentials = "user:pass";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task LoadBlockImportsTheSliceInTheBackgroundAndARestartKeepsTheTip()
    {
        using var data = new TempDirectory();
        var port = DaemonProcess.FreePort();
        string[] common = ["-regtest", $"-datadir={data.Path}", $"-rpcport={port}", "-rpcuser=user", "-rpcpassword=pass", "-printtoconsole"];
        string tipHash;
        await using (var daemon = DaemonProcess.Start(port, [.. common, $"-loadblock={FixtureSliceImportTests.SlicePath}"]))
        {
            await daemon.WaitUntilReadyAsync(() => Credentials, TimeSpan.FromSeconds(30));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            var count = 0;
            while (count < 499 && DateTime.UtcNow < deadline)
            {
                count = (await CallAsync(daemon, "getblockcount")).GetInt32();
                await Task.Delay(100);
            }

            Assert.Equal(499, count);
            tipHash = (await CallAsync(daemon, "getbestblockhash")).GetString()!;
            Assert.Contains("UpdateTip: new best=" + tipHash + " height=499", daemon.Stdout, StringComparison.Ordinal);
            await CallAsync(daemon, "stop");
            Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        }

        await using (var restarted = DaemonProcess.Start(port, common))
        {
            await restarted.WaitUntilReadyAsync(() => Credentials, TimeSpan.FromSeconds(30));
            Assert.Equal(499, (await CallAsync(restarted, "getblockcount")).GetInt32());
            Assert.Equal(tipHash, (await CallAsync(restarted, "getbestblockhash")).GetString());
            await CallAsync(restarted, "stop");
            Assert.Equal(0, await restarted.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        }
    }

    [Fact]
    public async Task SigtermDuringTheImportStopsItAndExitsZeroWithThePartialChainKept()
    {
        using var data = new TempDirectory();
        var port = DaemonProcess.FreePort();
        string[] common = ["-regtest", $"-datadir={data.Path}", $"-rpcport={port}", "-rpcuser=user", "-rpcpassword=pass"];
        int stoppedAt;
        int beforeSignal;
        await using (var daemon = DaemonProcess.Start(port, [.. common, $"-loadblock={FixtureSliceImportTests.SlicePath}"]))
        {
            await daemon.WaitUntilReadyAsync(() => Credentials, TimeSpan.FromSeconds(30));
            beforeSignal = (await CallAsync(daemon, "getblockcount")).GetInt32();
            daemon.Signal("TERM");
            Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(10)));
            Assert.DoesNotContain("Unhandled exception", daemon.Stderr, StringComparison.Ordinal);
        }

        await using (var restarted = DaemonProcess.Start(port, common))
        {
            await restarted.WaitUntilReadyAsync(() => Credentials, TimeSpan.FromSeconds(30));
            stoppedAt = (await CallAsync(restarted, "getblockcount")).GetInt32();
            Assert.InRange(stoppedAt, beforeSignal, 499);

            // Interrupted mid-import, the import must stop rather than run to the end (it used to hold shutdown up).
            if (beforeSignal < 499)
            {
                Assert.True(stoppedAt < 499, $"the import ran on to {stoppedAt} after SIGTERM at {beforeSignal}");
            }

            await CallAsync(restarted, "stop");
            Assert.Equal(0, await restarted.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }

        // No mempool.dat was loaded before the stop, so none is written over a good one.
        Assert.False(File.Exists(Path.Combine(data.Path, "regtest", "mempool.dat.new")));
    }

    [Fact]
    public async Task ReindexRebuildsTheSameChainFromTheBlockFiles()
    {
        using var data = new TempDirectory();
        var port = DaemonProcess.FreePort();
        string[] common = ["-regtest", $"-datadir={data.Path}", $"-rpcport={port}", "-rpcuser=user", "-rpcpassword=pass"];
        string tip;
        JsonElement before;
        await using (var daemon = DaemonProcess.Start(port, common))
        {
            await daemon.WaitUntilReadyAsync(() => Credentials, TimeSpan.FromSeconds(30));
            await CallAsync(daemon, "generatetoaddress", "120, \"mkHS9ne12qx9pS9VojpwU5xtRd4T7X7ZUt\"");
            tip = (await CallAsync(daemon, "getbestblockhash")).GetString()!;
            before = await CallAsync(daemon, "gettxoutsetinfo");
            await CallAsync(daemon, "stop");
            Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }

        await using (var reindexed = DaemonProcess.Start(port, [.. common, "-reindex"]))
        {
            await reindexed.WaitUntilReadyAsync(() => Credentials, TimeSpan.FromSeconds(30));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while ((await CallAsync(reindexed, "getbestblockhash")).GetString() != tip && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.Equal(tip, (await CallAsync(reindexed, "getbestblockhash")).GetString());
            var after = await CallAsync(reindexed, "gettxoutsetinfo");
            Assert.Equal(before.GetProperty("hash_serialized_2").GetString(), after.GetProperty("hash_serialized_2").GetString());
            Assert.Equal(before.GetProperty("txouts").GetInt32(), after.GetProperty("txouts").GetInt32());
            Assert.Contains("Reindexing", File.ReadAllText(Path.Combine(data.Path, "regtest", "debug.log")), StringComparison.OrdinalIgnoreCase);
            await CallAsync(reindexed, "stop");
            Assert.Equal(0, await reindexed.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task DamagedChainStateStopsTheStartWithReindexAdvice()
    {
        using var data = new TempDirectory();
        var chainstate = data.Combine("regtest", "chainstate");
        Directory.CreateDirectory(chainstate);
        await File.WriteAllTextAsync(Path.Combine(chainstate, "MANIFEST-000001"), "garbage");
        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync("-regtest", $"-datadir={data.Path}", $"-rpcport={DaemonProcess.FreePort()}");
        Assert.Equal(1, exitCode);
        Assert.Contains("chainstate", stderr, StringComparison.Ordinal);
        Assert.Contains("-reindex", stderr, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> CallAsync(DaemonProcess daemon, string method, string parameters = "")
    {
        var (status, body) = await daemon.CallAsync($$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""", Credentials);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("result");
    }
}
