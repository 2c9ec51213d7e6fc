using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Tests.EndToEnd;
using NBitcoin;
using Xunit.Abstractions;

namespace Faithcoin.Node.Tests.Crash;

/// <summary>
/// faithcoind killed with SIGKILL at random moments while generatetoaddress mines and gettxoutsetinfo forces coins
/// flushes, then restarted on the same data directory without -reindex, again and again.
/// </summary>
[Collection(DaemonCollection.Name)]
[Trait("Category", "Crash")]
public sealed class MiningCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KilledWhileMiningAndFlushingEveryRestartKeepsTheAcknowledgedBlocksAndACleanNodesUtxoSet()
    {
        var points = CrashSettings.Points;
        var seed = CrashSettings.Seed;
        var random = new Random(seed);
        var address = new Key().PubKey.GetAddress(ScriptPubKeyType.Legacy, ChainParams.Regtest.Network).ToString();
        output.WriteLine($"mining crash loop: {points} kill points, seed {seed} (FAITHCOIN_CRASH_SEED), -dbcache=1");
        var total = Stopwatch.StartNew();

        using var data = new TempDirectory();
        var port = DaemonProcess.FreePort();
        await using var reference = ReferenceNode.Start(CrashSettings.ReadyTimeout);
        var acks = new AckLog();
        var readyAfterKill = new List<TimeSpan>();
        var killed = 0;
        var recoveryKills = 0;
        for (var run = 0; ; run++)
        {
            // About one restart in four is itself killed early: while the block files are cut back to the cursor,
            // the block index loads or the stored blocks beyond the coins' best block are reconnected.
            if (run > 0 && random.Next(4) == 0)
            {
                var early = random.Next(100, 1601);
                await using var interrupted = CrashNode.Start($"interrupted restart {run} (seed {seed})", data.Path, port, "-dbcache=1");
                await Task.Delay(early);
                await interrupted.KillAsync();
                recoveryKills++;
                output.WriteLine($"  extra kill of the restart after {early} ms");
            }

            await using var node = CrashNode.Start($"miner run {run} (seed {seed})", data.Path, port, "-dbcache=1");
            var ready = await node.WaitUntilReadyAsync(CrashSettings.ReadyTimeout);
            if (run > 0)
            {
                readyAfterKill.Add(ready);
                await VerifyRecoveredAsync(node, acks, reference, ready);
            }

            if (run == points)
            {
                await node.StopAsync();
                break;
            }

            var delay = random.Next(50, 601);
            var miner = new Random(random.Next());
            using var stop = new CancellationTokenSource();
            var mining = MineAsync(node, address, miner, acks, stop.Token);
            var flushing = FlushAsync(node, new Random(miner.Next()), acks, stop.Token);
            await Task.Delay(delay);
            await node.KillAsync();
            killed++;
            await stop.CancelAsync();
            await Task.WhenAll(mining, flushing);
            output.WriteLine($"  kill {killed}: after {delay} ms of mining; acknowledged so far: {acks}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{killed} kill points while mining (+{recoveryKills} during restarts), {acks.MinedCalls} acknowledged generatetoaddress calls, reference at height {reference.Height}, {total.Elapsed.TotalSeconds:F1} s"));
        output.WriteLine($"RPC ready after a kill: {Summary(readyAfterKill)}");
        Assert.Equal(points, killed);
    }

    internal static string Summary(IReadOnlyCollection<TimeSpan> times)
    {
        if (times.Count == 0)
        {
            return "-";
        }

        var sorted = times.Select(t => t.TotalMilliseconds).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"min {sorted[0]:F0} ms, median {sorted[sorted.Count / 2]:F0} ms, max {sorted[^1]:F0} ms (n={sorted.Count})");
    }

    /// <summary>
    /// The recovered node: every acknowledged block in its active chain (so the tip is at least as high), and its
    /// UTXO set equal to the clean reference node's at the recovered tip.
    /// </summary>
    private async Task VerifyRecoveredAsync(CrashNode node, AckLog acks, ReferenceNode reference, TimeSpan ready)
    {
        var tipAtReady = (await node.CallAsync("getblockcount")).GetInt32();
        var flushedBefore = acks.FlushedHeight;
        Assert.True(tipAtReady >= flushedBefore, $"the tip after loading is {tipAtReady}, below {flushedBefore}, where gettxoutsetinfo had flushed the coins\n{node.Tail()}");
        var tip = await CrashChecks.WaitUntilSettledAsync(node);
        var settled = node.SinceStart.Elapsed;
        var acknowledged = 0;
        foreach (var hash in acks.Hashes)
        {
            JsonNode? block;
            try
            {
                block = JsonNode.Parse((await node.CallAsync("getblock", hash, 1)).GetRawText());
            }
            catch (RpcCallException e)
            {
                Assert.Fail($"acknowledged block {hash} is gone after the restart: {e.Message}\n{node.Tail()}");
                throw;
            }

            var height = (int)block!["height"]!;
            Assert.True((int)block["confirmations"]! >= 1, $"acknowledged block {hash} at height {height} is not in the active chain (tip {tip})\n{node.Tail()}");
            acknowledged = Math.Max(acknowledged, height);
        }

        Assert.True(tip >= acknowledged, $"tip {tip} is below the last acknowledged block at {acknowledged}");
        var recovered = await node.TxOutSetAsync();

        // The reference holds blocks an earlier restart reported (and flushed); they must still be in the chain.
        await reference.ReadyAsync();
        var stillThere = (await node.CallAsync("getblockhash", reference.Height)).GetString();
        Assert.True(
            stillThere == reference.HashAt(reference.Height),
            $"block {reference.HashAt(reference.Height)} at height {reference.Height}, reported after an earlier restart, was replaced by {stillThere}\n{node.Tail()}");
        var clean = await reference.AtAsync(recovered.Height, (first, count) => CrashChecks.ActiveBlocksHexAsync(node, first, count));
        CrashChecks.AssertSameUtxo(clean, recovered, node.Name);
        acks.Flushed(recovered);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  restart: RPC ready in {ready.TotalMilliseconds:F0} ms at height {tipAtReady} (last flush {flushedBefore}), settled at {tip} >= acknowledged {acknowledged} after {settled.TotalMilliseconds:F0} ms; digest {recovered.Digest[..16]}… = clean node's"));
    }

    private static async Task MineAsync(CrashNode node, string address, Random random, AckLog acks, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var hashes = await node.CallAsync("generatetoaddress", random.Next(1, 4), address);
                acks.Mined(hashes.EnumerateArray().Select(h => h.GetString()!).LastOrDefault());
            }
            catch (Exception) when (node.WasKilled)
            {
                return;
            }
        }
    }

    /// <summary>gettxoutsetinfo flushes the coins cache (-dbcache=1 alone never fills on this chain), so kills land in flushes too.</summary>
    private static async Task FlushAsync(CrashNode node, Random random, AckLog acks, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(random.Next(10, 60), stop);
                acks.Flushed(await node.TxOutSetAsync());
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (node.WasKilled)
            {
                return;
            }
        }
    }

    /// <summary>The newest block each kind of reply acknowledged: a generatetoaddress result and a flushed best block.</summary>
    private sealed class AckLog
    {
        private readonly Lock gate = new();
        private string? lastMined;
        private string? lastFlushed;

        public int MinedCalls { get; private set; }

        /// <summary>Height of the newest best block a gettxoutsetinfo reply showed flushed.</summary>
        public int FlushedHeight { get; private set; }

        public IReadOnlyList<string> Hashes
        {
            get
            {
                lock (gate)
                {
                    return new[] { lastMined, lastFlushed }.OfType<string>().Distinct().ToList();
                }
            }
        }

        public void Mined(string? hash)
        {
            lock (gate)
            {
                MinedCalls++;
                lastMined = hash ?? lastMined;
            }
        }

        public void Flushed(TxOutSet set)
        {
            lock (gate)
            {
                lastFlushed = set.BestBlock;
                FlushedHeight = set.Height;
            }
        }

        public override string ToString()
        {
            lock (gate)
            {
                return $"{MinedCalls} generate calls, last mined {lastMined?[..12]}…, last flushed {lastFlushed?[..12]}…";
            }
        }
    }
}
