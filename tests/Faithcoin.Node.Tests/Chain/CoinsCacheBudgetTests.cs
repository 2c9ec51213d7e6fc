using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using NBitcoin;

namespace Faithcoin.Node.Tests.Chain;

/// <summary>
/// -dbcache as a bound: a chain creating far more coins than the smallest cache holds flushes whenever the cache
/// passes its budget, never ends a block above it, and loses no coin on the way.
/// </summary>
public sealed class CoinsCacheBudgetTests
{
    private const int OutputsPerBlock = 2000;
    private const int FanOutBlocks = 12;

    [Fact]
    public void TheCoinsCacheFlushesWhenItPassesItsBudgetAndEveryBlockEndsWithinIt()
    {
        using var folder = new TempDirectory();
        // -dbcache=4, 0.15's minimum: 2 MiB for coins, about 6,500 of them at the estimated size.
        var settings = new ChainStateSettings { DbCacheMiB = ChainStateSettings.MinDbCacheMiB, ScriptThreads = 1 };
        using var node = ChainNode.Open(folder.Path, settings);
        var coins = node.Chain.InternalState.Coins;
        Assert.Equal(2L * 1024 * 1024, coins.BudgetBytes);

        // Mature coinbases to fan out, one per later block.
        var genesis = node.Chain.Tip;
        var funding = RegtestBlockBuilder.Extend(genesis, FanOutBlocks + ConsensusConstants.CoinbaseMaturity);
        node.SubmitAll(funding);

        var flushes = 0;
        var peak = 0L;
        var previousCount = coins.Cache.CachedCount;
        ChainedHeader tip = node.Chain.Tip;
        var created = 0;
        for (var i = 0; i < FanOutBlocks; i++)
        {
            var coinbase = funding[i].Transactions[0];
            var fanOut = RegtestBlockBuilder.Spend(new OutPoint(coinbase, 0), coinbase.TotalOut.Satoshi, OutputsPerBlock);
            var block = RegtestBlockBuilder.Build(tip, [fanOut]);
            node.SubmitAll([block]);
            tip = node.Chain.Tip;
            created += OutputsPerBlock;

            var count = coins.Cache.CachedCount;
            if (count < previousCount)
            {
                flushes++;
            }

            previousCount = count;
            peak = Math.Max(peak, coins.EstimatedBytes);
            Assert.True(coins.EstimatedBytes <= coins.BudgetBytes, $"block {i}: {coins.EstimatedBytes} bytes cached, budget {coins.BudgetBytes}");
        }

        // 24,000 new coins are about 7.3 MiB at the estimate: the budget forced several flushes.
        Assert.True(created * (long)CoinsTip.EstimatedBytesPerCoin > 3 * coins.BudgetBytes);
        Assert.True(flushes >= 2, $"{flushes} flushes");
        Assert.True(peak > coins.BudgetBytes / 2, $"the cache never filled: peak {peak}");

        node.Chain.Flush();
        var utxo = node.Utxo();
        var fannedOut = utxo.Count(c => !c.Value.IsCoinbase);
        Assert.Equal(created, fannedOut);
    }
}
