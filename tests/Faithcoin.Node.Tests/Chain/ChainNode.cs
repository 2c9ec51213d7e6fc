using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Tests.Chain;

/// <summary>A regtest ChainManager over real RocksDB and block files in a folder, with the consistency checks on.</summary>
internal sealed class ChainNode : IDisposable
{
    private ChainNode(string folder, ChainManager chain)
    {
        Folder = folder;
        Chain = chain;
    }

    public string Folder { get; }

    public ChainManager Chain { get; }

    public static ChainNode Open(string folder, ChainStateSettings? settings = null, params IChainNotifications[] subscribers)
    {
        var chain = new ChainManager(
            ChainParams.Regtest,
            settings ?? new ChainStateSettings { CheckBlockIndex = true, ScriptThreads = 2 },
            new ChainEvents(subscribers),
            new ChainLog(NullLogger<ChainLog>.Instance),
            TimeProvider.System,
            folder);
        chain.Load();
        return new ChainNode(folder, chain);
    }

    public ProcessBlockResult Submit(Block block) => Chain.ProcessNewBlock(block, forceProcessing: true);

    public void SubmitAll(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            var result = Submit(block);
            Assert.True(result.Accepted, result.Error?.ToString());
        }
    }

    /// <summary>The whole UTXO set as the database holds it after a flush, in key order.</summary>
    public List<KeyValuePair<OutPoint, Coin>> Utxo()
    {
        using var snapshot = Chain.OpenCoinsSnapshot();
        Assert.Equal(Chain.Tip.HashBlock, snapshot.BestBlock);
        return snapshot.Coins.ToList();
    }

    public BlockStatus StatusOf(Block block) => Chain.FindBlock(block.GetHash())!.Status;

    public void Dispose() => Chain.Dispose();

    /// <summary>Two UTXO sets are the same coins with the same heights, flags, amounts and scripts.</summary>
    public static void AssertSameUtxo(IReadOnlyList<KeyValuePair<OutPoint, Coin>> expected, IReadOnlyList<KeyValuePair<OutPoint, Coin>> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        var byOutpoint = actual.ToDictionary(c => c.Key, c => c.Value);
        foreach (var (outpoint, coin) in expected)
        {
            Assert.True(byOutpoint.TryGetValue(outpoint, out var other), $"missing {outpoint}");
            Assert.True(coin.SameAs(other!), $"different coin at {outpoint}");
        }
    }
}
