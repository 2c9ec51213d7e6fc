using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Crash;

/// <summary>
/// A clean faithcoind that is never killed and gets the same blocks one at a time through submitblock, in height
/// order, as far as the crashed node's recovered tip. Its gettxoutsetinfo at that tip is the reference digest.
/// It only moves forward: every recovered tip is at or above the tips of earlier restarts, which were flushed. With
/// <c>everyHeight</c> it keeps the digest of every height it passes (a gettxoutsetinfo after each submitblock, in the
/// same batch), for tests that start the same chain over in a new data directory.
/// </summary>
internal sealed class ReferenceNode : IAsyncDisposable
{
    private const int SubmitBatch = 25;

    private readonly TempDirectory data;
    private readonly CrashNode node;
    private readonly TimeSpan readyTimeout;
    private readonly bool everyHeight;
    private readonly List<string> hashes = [];
    private readonly Dictionary<int, TxOutSet> digests = [];
    private Task? ready;

    private ReferenceNode(TempDirectory data, CrashNode node, TimeSpan readyTimeout, bool everyHeight)
    {
        this.data = data;
        this.node = node;
        this.readyTimeout = readyTimeout;
        this.everyHeight = everyHeight;
    }

    /// <summary>The height the reference chain has reached (after <see cref="ReadyAsync"/>).</summary>
    public int Height => hashes.Count - 1;

    /// <summary>Hash of the reference chain's block at a height it has reached.</summary>
    public string HashAt(int height) => hashes[height];

    /// <summary>Starts the process and returns at once, so it comes up while the node under test starts too.</summary>
    public static ReferenceNode Start(TimeSpan readyTimeout, bool everyHeight = false)
    {
        var data = new TempDirectory();
        return new ReferenceNode(data, CrashNode.Start("reference", data.Path, DaemonProcess.FreePort()), readyTimeout, everyHeight);
    }

    /// <summary>Waits (once) until the reference answers RPC and knows its genesis block.</summary>
    public Task ReadyAsync() => ready ??= WaitUntilReadyAsync();

    /// <summary>
    /// Extends the reference chain to <paramref name="height"/> with the blocks <paramref name="blocksHex"/> gives for a
    /// range of heights (first, count), then returns its UTXO digest there.
    /// </summary>
    public async Task<TxOutSet> AtAsync(int height, Func<int, int, Task<IReadOnlyList<string>>> blocksHex)
    {
        await ReadyAsync();
        if (digests.TryGetValue(height, out var known))
        {
            return known;
        }

        Assert.True(height >= Height, $"The recovered tip {height} is below {Height}, a tip an earlier restart reported and flushed.");
        while (Height < height)
        {
            var first = Height + 1;
            var blocks = await blocksHex(first, Math.Min(SubmitBatch, height - Height));
            var calls = blocks.SelectMany(hex => everyHeight
                ? new[] { ("submitblock", new JsonNode?[] { hex }), ("gettxoutsetinfo", Array.Empty<JsonNode?>()) }
                : new[] { ("submitblock", new JsonNode?[] { hex }) });
            var results = await node.CallBatchAsync(calls);
            var stride = everyHeight ? 2 : 1;
            for (var i = 0; i < blocks.Count; i++)
            {
                var submitted = results[i * stride];
                Assert.True(submitted.ValueKind == JsonValueKind.Null, $"reference submitblock at height {first + i}: {submitted}");
                hashes.Add(NBitcoin.Crypto.Hashes.DoubleSHA256(Convert.FromHexString(blocks[i].AsSpan(0, 160))).ToString());
                if (everyHeight)
                {
                    Record(TxOutSet.From(results[(i * stride) + 1]));
                }
            }
        }

        return digests.TryGetValue(height, out var reached) ? reached : Record(await node.TxOutSetAsync());
    }

    private TxOutSet Record(TxOutSet set)
    {
        Assert.Equal(Height, set.Height);
        Assert.Equal(hashes[Height], set.BestBlock);
        digests[set.Height] = set;
        return set;
    }

    private async Task WaitUntilReadyAsync()
    {
        await node.WaitUntilReadyAsync(readyTimeout);
        hashes.Add((await node.CallAsync("getblockhash", 0)).GetString()!);
        if (everyHeight)
        {
            Record(await node.TxOutSetAsync());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await node.DisposeAsync();
        data.Dispose();
    }
}
