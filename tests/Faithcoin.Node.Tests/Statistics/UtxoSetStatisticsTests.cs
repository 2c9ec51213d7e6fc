using System.Diagnostics;
using Faithcoin.Node.Rpc.Formatting;
using Faithcoin.Node.Statistics;
using NBitcoin;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Tests.Statistics;

/// <summary>gettxoutsetinfo's figures, checked on replays of the original's regtest chain.</summary>
public sealed class UtxoSetStatisticsTests
{
    private const long DiskSize = 12345;

    [Fact]
    public void SliceStatisticsAreConsistentAndDeterministic()
    {
        var replay = Replay(FixtureBlocks.SlicePath);
        var coins = replay.InKeyOrder().ToList();

        var first = UtxoSetStatisticsCalculator.Compute(replay.BestBlock, replay.Height, coins, DiskSize);
        var again = UtxoSetStatisticsCalculator.Compute(replay.BestBlock, replay.Height, coins, DiskSize);

        Assert.Equal(first, again);
        Assert.Equal(499, first.Height);
        Assert.Equal(replay.BestBlock, first.BestBlock);
        Assert.Equal(coins.Count, first.TransactionOutputs);
        Assert.Equal(coins.Select(c => c.Outpoint.Hash).Distinct().Count(), first.Transactions);
        Assert.Equal(coins.Sum(c => c.Coin.Value), first.TotalAmount);
        Assert.Equal(coins.Sum(c => 50L + c.Coin.Output.ScriptPubKey.Length), first.BogoSize);
        Assert.Equal(DiskSize, first.DiskSize);
        Assert.InRange(first.TotalAmount, 1, 499 * 50 * 100_000_000L);
    }

    [Fact]
    public void OutputOrderWithinATransactionDoesNotMatter()
    {
        var replay = Replay(FixtureBlocks.SlicePath);
        var coins = replay.InKeyOrder().ToList();
        var reversedWithinTransactions = coins
            .GroupBy(c => c.Outpoint.Hash)
            .SelectMany(g => g.Reverse())
            .ToList();

        Assert.Equal(
            UtxoSetStatisticsCalculator.Compute(replay.BestBlock, replay.Height, coins, 0),
            UtxoSetStatisticsCalculator.Compute(replay.BestBlock, replay.Height, reversedWithinTransactions, 0));
    }

    [Fact]
    public void CoinsOutOfKeyOrderAreRefused()
    {
        var replay = Replay(FixtureBlocks.SlicePath);
        var coins = replay.InKeyOrder().Reverse().ToList();

        Assert.Throws<ArgumentException>(() => UtxoSetStatisticsCalculator.Compute(replay.BestBlock, replay.Height, coins, 0));
    }

    [Fact]
    public void EmptySetHashesTheBestBlockAlone()
    {
        var best = uint256.One;
        var statistics = UtxoSetStatisticsCalculator.Compute(best, 0, Array.Empty<(OutPoint, Coin)>(), 0);

        var expected = NBitcoin.Crypto.Hashes.DoubleSHA256(best.ToBytes(true));
        Assert.Equal(expected, statistics.HashSerialized);
        Assert.Equal(0, statistics.TransactionOutputs);
    }

    [Fact]
    public void OneCoinHashesCoresSerialization()
    {
        // txid 01..., height 7 coinbase, output 2 of 50 coins to OP_TRUE:
        // best | txid | VARINT(7*2+1) | VARINT(2+1) | 01 51 | VARINT(5000000000) | VARINT(0)
        var txid = uint256.One;
        var coin = new Coin(new TxOut(Money.Coins(50), new Script(OpcodeType.OP_TRUE)), 7, isCoinbase: true);
        var statistics = UtxoSetStatisticsCalculator.Compute(uint256.Zero, 7, [(new OutPoint(txid, 2), coin)], 0);

        var preimage = Convert.FromHexString(
            new string('0', 64) + "01" + new string('0', 62) + "0f" + "03" + "0151" + "91cf96e300" + "00");
        Assert.Equal(NBitcoin.Crypto.Hashes.DoubleSHA256(preimage), statistics.HashSerialized);
        Assert.Equal(51, statistics.BogoSize);
    }

    [Fact]
    public void JsonHasTheOriginalsFieldsAndFormats()
    {
        var statistics = new UtxoSetStatistics(5000, uint256.One, 3, 4240, 123, uint256.Zero, 99, 1_494_999_998_350);

        Assert.Equal(
            "{\"height\":5000," +
            "\"bestblock\":\"0000000000000000000000000000000000000000000000000000000000000001\"," +
            "\"transactions\":3,\"txouts\":4240,\"bogosize\":123," +
            "\"hash_serialized_2\":\"0000000000000000000000000000000000000000000000000000000000000000\"," +
            "\"disk_size\":99,\"total_amount\":14949.99998350}",
            UtxoSetStatisticsJson.ToJson(statistics).ToJsonString());
    }

    [FullChainFact]
    public void FullChainMatchesTheOriginalsGetTxOutSetInfo()
    {
        var watch = Stopwatch.StartNew();
        var replay = Replay(FixtureBlocks.FullChainPath);
        var statistics = UtxoSetStatisticsCalculator.Compute(replay.BestBlock, replay.Height, replay.InKeyOrder(), 0);

        Assert.Equal(5000, statistics.Height);
        Assert.Equal(uint256.Parse("76c5db708033919072e548279746df4dfce2123c75c43f892aff8b9e415e75f8"), statistics.BestBlock);
        Assert.Equal(4240, statistics.TransactionOutputs);
        Assert.Equal("14949.99998350", AmountJson.Format(statistics.TotalAmount));
        Assert.Equal("86258f6f129bb91c2a10cc4d39991536c2730cc94b2e5fcdcf9b19547ef051ea", statistics.HashSerialized.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"Replay took {watch.Elapsed}.");
    }

    private static UtxoReplay Replay(string path)
    {
        var replay = new UtxoReplay();
        foreach (var block in FixtureBlocks.Read(path))
        {
            replay.Apply(block.Block, block.Height);
        }

        return replay;
    }
}
