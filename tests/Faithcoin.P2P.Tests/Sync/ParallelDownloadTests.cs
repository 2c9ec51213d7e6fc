using System.Diagnostics;
using Faithcoin.P2P.Tests.Infrastructure;

namespace Faithcoin.P2P.Tests.Sync;

public sealed class ParallelDownloadTests
{
    [Fact]
    public async Task BlocksComeFromBothSourcesAtOnce()
    {
        var blocks = RegtestBlocks.Chain300;
        await using var first = TestNode.Start(chain: SlowSource(TimeSpan.FromMilliseconds(2)));
        await using var second = TestNode.Start(chain: SlowSource(TimeSpan.FromMilliseconds(2)));
        await using var syncing = TestNode.Start(chain: HeadersFirstSyncTests.SyncingChain());

        Assert.True(await syncing.Node.ConnectAsync(first.Endpoint.ToString()));
        Assert.True(await syncing.Node.ConnectAsync(second.Endpoint.ToString()));

        Assert.True(await syncing.WaitForTipAsync(blocks[^1].GetHash()));
        Assert.True(first.Chain.ServedBlocks > 0, "the first source served no block");
        Assert.True(second.Chain.ServedBlocks > 0, "the second source served no block");
        Assert.InRange(first.Chain.ServedBlocks + second.Chain.ServedBlocks, 300, 330);
    }

    [Fact]
    public async Task TwoSourcesAreFasterThanOne()
    {
        // Long enough that serving dominates the fixed costs of a loaded machine (it failed at 5 ms under CI load).
        var serveDelay = TimeSpan.FromMilliseconds(15);
        var one = await TimeSyncAsync(1, serveDelay);
        var two = await TimeSyncAsync(2, serveDelay);

        // Each source serves one block per delay, so two should take about half as long.
        Assert.True(two < one * 0.8, $"one source {one.TotalMilliseconds:F0} ms, two sources {two.TotalMilliseconds:F0} ms");
    }

    private static async Task<TimeSpan> TimeSyncAsync(int sources, TimeSpan serveDelay)
    {
        var blocks = RegtestBlocks.Chain300;
        var nodes = Enumerable.Range(0, sources).Select(_ => TestNode.Start(chain: SlowSource(serveDelay))).ToList();
        await using var syncing = TestNode.Start(chain: HeadersFirstSyncTests.SyncingChain());
        try
        {
            var clock = Stopwatch.StartNew();
            foreach (var node in nodes)
            {
                Assert.True(await syncing.Node.ConnectAsync(node.Endpoint.ToString()));
            }

            Assert.True(await syncing.WaitForTipAsync(blocks[^1].GetHash(), TimeSpan.FromSeconds(30)));
            return clock.Elapsed;
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static InMemoryChain SlowSource(TimeSpan serveDelay)
    {
        var chain = InMemoryChain.FromBlocks(RegtestBlocks.Chain300);
        chain.ServeDelay = serveDelay;
        return chain;
    }
}
