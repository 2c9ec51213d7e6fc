using System.Text.Json;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// SIGTERM with a pool of parents and in-pool children and a coins cache nobody flushed (ChainFlusher writes only
/// when over budget or hourly, and no RPC that flushes was called): exit 0, and the next start has the same tip,
/// the same coins and the same pool.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class Issue5AuditShutdownEndToEndTests
{
    private const int Blocks = 112;
    private const int Parents = 10;

    private readonly RegtestWallet wallet = new();

    private static async Task<string[]> PoolAsync(DaemonRpc node) =>
        (await node.ResultAsync("getrawmempool")).EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task SigtermWithAFullPoolAndADirtyCacheRestartsWithTheSameTipCoinsAndPool()
    {
        using var data = new TempDirectory();
        string tip;
        string[] pool;
        JsonElement info;
        await using (var node = await DaemonRpc.StartRegtestAsync(data.Path))
        {
            var blocks = (await node.ResultAsync("generatetoaddress", $"{Blocks}, \"{wallet.Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToArray();
            tip = blocks[^1];
            for (var i = 0; i < Parents; i++)
            {
                var parent = await wallet.SpendCoinbaseAsync(node, blocks[i], fee: 100_000, outputs: 2);
                await node.ResultAsync("sendrawtransaction", $"\"{parent.ToHex()}\"");
                foreach (var index in new[] { 0, 1 })
                {
                    var child = wallet.SpendOutput(parent, index, fee: 50_000);
                    await node.ResultAsync("sendrawtransaction", $"\"{child.ToHex()}\"");
                }
            }

            pool = await PoolAsync(node);
            Assert.Equal(Parents * 3, pool.Length);
            info = await node.ResultAsync("getmempoolinfo");
            node.Daemon.Signal("TERM");
            Assert.Equal(0, await node.Daemon.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }

        await using var restarted = await DaemonRpc.StartRegtestAsync(data.Path);
        Assert.Equal(tip, (await restarted.ResultAsync("getbestblockhash")).GetString());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await restarted.ResultAsync("getmempoolinfo")).GetProperty("size").GetInt32() < pool.Length && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(pool, await PoolAsync(restarted));
        var reloaded = await restarted.ResultAsync("getmempoolinfo");
        Assert.Equal(info.GetProperty("bytes").GetInt64(), reloaded.GetProperty("bytes").GetInt64());
        Assert.Equal(info.GetProperty("usage").GetInt64(), reloaded.GetProperty("usage").GetInt64());

        // Every block's coinbase output is a coin (the witness commitment is unspendable), none lost with the cache;
        // the pool spends them only in the pool, so the set on disk has them all.
        var coins = await restarted.ResultAsync("gettxoutsetinfo");
        Assert.Equal(Blocks, coins.GetProperty("height").GetInt32());
        Assert.Equal(Blocks, coins.GetProperty("txouts").GetInt32());
    }
}
