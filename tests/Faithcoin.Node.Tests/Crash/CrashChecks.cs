using System.Text.Json;
using System.Text.Json.Nodes;

namespace Faithcoin.Node.Tests.Crash;

/// <summary>The checks every restart after a kill must pass, and the bounded waits they need.</summary>
internal static class CrashChecks
{
    public static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Waits until the start-up ActivateBestChain has connected every stored block beyond the coins' best block: no
    /// chain tip whose blocks are all stored ("valid-headers") is above the active tip. Returns the active height.
    /// </summary>
    public static async Task<int> WaitUntilSettledAsync(CrashNode node)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (true)
        {
            var tips = (await node.CallAsync("getchaintips")).EnumerateArray().ToList();
            var active = tips.Single(t => t.GetProperty("status").GetString() == "active").GetProperty("height").GetInt32();
            var pending = tips.Where(t => t.GetProperty("status").GetString() is "valid-headers" or "valid-fork"
                && t.GetProperty("height").GetInt32() > active).ToList();
            if (pending.Count == 0)
            {
                return active;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{node.Name}: stored blocks above the active tip {active} were not connected within {SettleTimeout}: {string.Join(", ", pending)}\n{node.Tail()}");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits (bounded) until getblockcount reaches <paramref name="height"/>; returns the count read.</summary>
    public static async Task<int> WaitForHeightAsync(CrashNode node, int height, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var count = (await node.CallAsync("getblockcount")).GetInt32();
            if (count >= height)
            {
                return count;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{node.Name}: the tip stayed at {count}, below the acknowledged height {height}, for {timeout}\n{node.Tail()}");
            await Task.Delay(20);
        }
    }

    /// <summary>The recovered coins must be exactly the clean reference node's at the same block.</summary>
    public static void AssertSameUtxo(TxOutSet expected, TxOutSet actual, string context)
    {
        Assert.True(
            expected == actual,
            $"{context}: the UTXO set after the restart differs from a clean node's at height {actual.Height}\n  clean:     {expected}\n  recovered: {actual}");
    }

    /// <summary>Raw blocks (hex) of the node's active chain at heights first .. first+count-1, in two batched calls.</summary>
    public static async Task<IReadOnlyList<string>> ActiveBlocksHexAsync(CrashNode node, int first, int count)
    {
        var hashes = await node.CallBatchAsync("getblockhash", Enumerable.Range(first, count).Select(h => new JsonNode?[] { h }));
        var blocks = await node.CallBatchAsync("getblock", hashes.Select(h => new JsonNode?[] { h.GetString(), 0 }));
        return blocks.Select(b => b.GetString()!).ToList();
    }
}
