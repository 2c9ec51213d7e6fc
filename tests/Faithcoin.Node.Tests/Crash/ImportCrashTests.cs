using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Tests.Chain;
using Faithcoin.Node.Tests.EndToEnd;
using Xunit.Abstractions;

namespace Faithcoin.Node.Tests.Crash;

/// <summary>
/// faithcoind importing the fixture slice with -loadblock, killed with SIGKILL at points spread across the import
/// (gettxoutsetinfo forcing coins flushes meanwhile), restarted without -reindex: every third time first without
/// -loadblock (the stored state alone), then with it, so the import goes on past the blocks it already has; a last
/// run finishes the import. Only kills made while the import was still running count. When a fast machine finishes
/// the import before all points are used, the same import starts over in a new data directory (a new generation),
/// with twice the blocks if the last generation got no kill in at all.
/// </summary>
[Collection(DaemonCollection.Name)]
[Trait("Category", "Crash")]
public sealed class ImportCrashTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task KilledDuringLoadBlockEveryRestartKeepsTheAcknowledgedTipAndACleanNodesUtxoSet()
    {
        var points = CrashSettings.Points;
        var seed = CrashSettings.Seed;
        var random = new Random(seed ^ 0x1_0ad);
        var slice = FixtureSliceImportTests.ReadRaw();
        var blockCount = Math.Min(slice.Count, CrashSettings.ImportBlocks);
        output.WriteLine($"import crash loop: {points} kill points, seed {seed}, -dbcache=1");
        var total = Stopwatch.StartNew();
        using var files = new TempDirectory();
        await using var reference = ReferenceNode.Start(CrashSettings.ReadyTimeout, everyHeight: true);
        Task<IReadOnlyList<string>> SliceBlocks(int first, int count) =>
            Task.FromResult<IReadOnlyList<string>>(slice.Skip(first).Take(count).Select(Convert.ToHexStringLower).ToList());
        var hashes = slice.Select(b => NBitcoin.Crypto.Hashes.DoubleSHA256(b.AsSpan(0, 80).ToArray()).ToString()).ToList();

        var killed = 0;
        var readyAfterKill = new List<TimeSpan>();
        for (var generation = 1; killed < points; generation++)
        {
            Assert.True(generation <= points + 2, $"{generation - 1} generations of the import gave only {killed} of {points} kill points");
            var raw = slice.Take(blockCount).ToList();
            var last = raw.Count - 1;
            var bootstrap = raw.Count == slice.Count ? FixtureSliceImportTests.SlicePath : files.Combine($"bootstrap-{raw.Count}.dat.gz");
            if (!File.Exists(bootstrap))
            {
                WriteBootstrap(bootstrap, raw);
            }

            var targets = KillHeights(raw, points - killed, random);
            output.WriteLine($" generation {generation}: blocks 0-{last}, kill heights {string.Join(' ', targets)}");
            var before = killed;
            await ImportGenerationAsync(generation, last, bootstrap, targets);
            if (killed == before)
            {
                blockCount = Math.Min(slice.Count, blockCount * 2);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{killed} kill points during the import, {total.Elapsed.TotalSeconds:F1} s"));
        output.WriteLine($"RPC ready after a kill: {MiningCrashTests.Summary(readyAfterKill)}");

        // One import from genesis in a fresh data directory, killed and restarted until it finishes or the points are used.
        async Task ImportGenerationAsync(int generation, int last, string bootstrap, List<int> targets)
        {
            using var data = new TempDirectory();
            var port = DaemonProcess.FreePort();
            var acknowledged = 0;
            var flushedHeight = 0;

            // The node-side checks; the comparison with the clean node is returned as a task, so a run with
            // -loadblock goes on importing (and is killed) while the reference catches up.
            async Task<Task> VerifyAsync(CrashNode node, TimeSpan ready, bool settle)
            {
                var tipAtReady = (await node.CallAsync("getblockcount")).GetInt32();
                var flushedBefore = flushedHeight;
                Assert.True(tipAtReady >= flushedHeight, $"{node.Name}: the tip after loading is {tipAtReady}, below {flushedHeight}, where gettxoutsetinfo had flushed the coins\n{node.Tail()}");
                var tip = settle
                    ? await CrashChecks.WaitUntilSettledAsync(node)
                    : await CrashChecks.WaitForHeightAsync(node, acknowledged, CrashChecks.SettleTimeout);
                Assert.True(tip >= acknowledged, $"{node.Name}: tip {tip} is below the acknowledged height {acknowledged}\n{node.Tail()}");
                Assert.Equal(hashes[acknowledged], (await node.CallAsync("getblockhash", acknowledged)).GetString());
                var recovered = await node.TxOutSetAsync();
                Assert.True(recovered.Height >= acknowledged, $"{node.Name}: gettxoutsetinfo at {recovered.Height}, below {acknowledged}");
                Assert.Equal(hashes[recovered.Height], recovered.BestBlock);
                flushedHeight = Math.Max(flushedHeight, recovered.Height);
                var name = node.Name;
                var acknowledgedThen = acknowledged;
                return CompareAsync();

                async Task CompareAsync()
                {
                    var clean = await reference.AtAsync(recovered.Height, SliceBlocks);
                    CrashChecks.AssertSameUtxo(clean, recovered, name);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: RPC ready in {ready.TotalMilliseconds:F0} ms at height {tipAtReady} (last flush {flushedBefore}), {tip} >= acknowledged {acknowledgedThen}; UTXO digest at {recovered.Height} = clean node's"));
                }
            }

            var kills = 0;
            for (var run = 0; ; run++)
            {
                if (run % 3 == 1)
                {
                    await using var plain = CrashNode.Start($"generation {generation} plain restart {run} (seed {seed})", data.Path, port, "-dbcache=1");
                    var plainReady = await plain.WaitUntilReadyAsync(CrashSettings.ReadyTimeout);
                    readyAfterKill.Add(plainReady);
                    await await VerifyAsync(plain, plainReady, settle: true);
                    await plain.StopAsync();
                }

                await using var node = CrashNode.Start($"generation {generation} import run {run} (seed {seed})", data.Path, port, "-dbcache=1", $"-loadblock={bootstrap}");
                var ready = await node.WaitUntilReadyAsync(CrashSettings.ReadyTimeout);
                var comparison = Task.CompletedTask;
                if (run > 0)
                {
                    if (run % 3 != 1)
                    {
                        readyAfterKill.Add(ready);
                    }

                    comparison = await VerifyAsync(node, ready, settle: false);
                }

                var count = 0;
                if (killed < points)
                {
                    using var stop = new CancellationTokenSource();
                    var flushed = new FlushLog();
                    var flushing = FlushAsync(node, new Random(random.Next()), flushed, stop.Token);

                    // At least one block beyond what is stored already, so every kill falls in new work.
                    var target = Math.Min(last, Math.Max(targets[Math.Min(kills, targets.Count - 1)], acknowledged + 1));
                    var deadline = DateTime.UtcNow + ImportTimeout;
                    while (count < target && count < last)
                    {
                        Assert.True(DateTime.UtcNow < deadline, $"{node.Name}: the import stayed at {count} below {target} for {ImportTimeout}\n{node.Tail()}");
                        count = (await node.CallAsync("getblockcount")).GetInt32();
                        acknowledged = Math.Max(acknowledged, count);
                        await Task.Delay(2);
                    }

                    if (count < last)
                    {
                        var extra = random.Next(0, 80);
                        await Task.Delay(extra);
                        await node.KillAsync();
                        killed++;
                        kills++;
                        await stop.CancelAsync();
                        await flushing;
                        await comparison;
                        acknowledged = Math.Max(acknowledged, flushed.Height);
                        flushedHeight = Math.Max(flushedHeight, flushed.Height);
                        output.WriteLine($"  kill {killed}: target {target}, read {count} of {last}, +{extra} ms; acknowledged {acknowledged} (flushed {flushed.Height})");
                        continue;
                    }

                    await stop.CancelAsync();
                    await flushing;
                }

                // The import is done (or the points are used): it must finish and match the clean node at the top.
                await CrashChecks.WaitForHeightAsync(node, last, ImportTimeout);
                await comparison;
                var final = await node.TxOutSetAsync();
                CrashChecks.AssertSameUtxo(await reference.AtAsync(last, SliceBlocks), final, node.Name);
                await node.StopAsync();
                output.WriteLine($"  generation {generation} finished the import at {last} after {kills} kills");
                return;
            }
        }
    }

    /// <summary>
    /// Heights to kill at, spread over the import's work rather than its heights: each block weighs its share of
    /// the blocks plus its share of the bytes, so the many small coinbase-only blocks and the few large ones both
    /// get kills. Increasing, with some jitter.
    /// </summary>
    internal static List<int> KillHeights(IReadOnlyList<byte[]> raw, int points, Random random)
    {
        var blocks = raw.Count - 1;
        var bytes = raw.Skip(1).Sum(b => (double)b.Length);
        var cumulative = new double[raw.Count];
        for (var h = 1; h < raw.Count; h++)
        {
            cumulative[h] = cumulative[h - 1] + (0.5 / blocks) + (0.5 * raw[h].Length / bytes);
        }

        var targets = new List<int>();
        for (var k = 0; k < points; k++)
        {
            var goal = (k + random.NextDouble()) / points;
            var height = Array.FindIndex(cumulative, c => c >= goal);
            targets.Add(Math.Clamp(height < 0 ? blocks : height, 1, blocks));
        }

        return targets;
    }

    /// <summary>The blocks in the bootstrap.dat layout -loadblock reads (message start, length, block), gzipped like the slice.</summary>
    internal static void WriteBootstrap(string path, IEnumerable<byte[]> raw)
    {
        using var file = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        foreach (var block in raw)
        {
            file.Write(ChainParams.Regtest.MessageStart.ToArray());
            file.Write(BitConverter.GetBytes(block.Length));
            file.Write(block);
        }
    }

    private static async Task FlushAsync(CrashNode node, Random random, FlushLog flushed, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(random.Next(20, 120), stop);
                flushed.Height = Math.Max(flushed.Height, (await node.TxOutSetAsync()).Height);
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

    private sealed class FlushLog
    {
        public int Height { get; set; }
    }
}
