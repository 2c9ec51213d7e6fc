using Faithcoin.Consensus.Coins;
using NBitcoin;
using Xunit;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Consensus.Tests.Coins;

public sealed class CoinsViewCacheTests
{
    private static readonly OutPoint A = new(uint256.One, 0);
    private static readonly OutPoint B = new(uint256.One, 1);

    [Fact]
    public void Added_coins_are_visible_and_reach_the_parent_only_on_flush()
    {
        var parent = new MemoryCoinsView();
        var cache = new CoinsViewCache(parent);
        cache.AddCoin(A, CoinOf(5), possibleOverwrite: false);

        Assert.True(cache.HaveCoin(A));
        Assert.False(parent.HaveCoin(A));

        cache.BestBlock = uint256.One;
        cache.Flush();
        Assert.Equal(5 * Money.COIN, parent.GetCoin(A)!.Value);
        Assert.Equal(uint256.One, parent.BestBlock);
    }

    [Fact]
    public void A_coin_created_and_spent_in_the_cache_never_reaches_the_parent()
    {
        var cache = new CoinsViewCache(new MemoryCoinsView());
        cache.AddCoin(A, CoinOf(5), possibleOverwrite: false);

        Assert.NotNull(cache.SpendCoin(A));
        Assert.Empty(cache.GetChanges());
    }

    [Fact]
    public void Spending_a_parent_coin_writes_a_deletion()
    {
        var parent = new MemoryCoinsView();
        parent.BatchWrite([new CoinChange(A, CoinOf(1), true)], uint256.Zero);
        var cache = new CoinsViewCache(parent);

        Assert.Equal(Money.COIN, cache.SpendCoin(A)!.Value);
        Assert.Null(cache.SpendCoin(A));
        cache.Flush();
        Assert.False(parent.HaveCoin(A));
    }

    [Fact]
    public void Unspendable_outputs_are_not_stored()
    {
        var cache = new CoinsViewCache(new MemoryCoinsView());
        cache.AddCoin(A, new Coin(new TxOut(Money.Zero, new Script(OpcodeType.OP_RETURN)), 1, false), false);

        Assert.False(cache.HaveCoin(A));
    }

    [Fact]
    public void Replacing_an_unspent_coin_without_overwrite_is_a_caller_bug()
    {
        var cache = new CoinsViewCache(new MemoryCoinsView());
        cache.AddCoin(A, CoinOf(1), false);

        Assert.Throws<InvalidOperationException>(() => cache.AddCoin(A, CoinOf(2), false));
        cache.AddCoin(A, CoinOf(2), possibleOverwrite: true);
        Assert.Equal(2 * Money.COIN, cache.GetCoin(A)!.Value);
    }

    [Fact]
    public void Stacked_caches_merge_fresh_and_spent_entries()
    {
        var root = new MemoryCoinsView();
        root.BatchWrite([new CoinChange(B, CoinOf(3), true)], uint256.Zero);
        var middle = new CoinsViewCache(root);
        var top = new CoinsViewCache(middle);
        top.AddCoin(A, CoinOf(1), false);
        top.SpendCoin(B);
        top.Flush();
        middle.Flush();

        Assert.True(root.HaveCoin(A));
        Assert.False(root.HaveCoin(B));
    }

    [Fact]
    public void Undo_data_round_trips_byte_for_byte()
    {
        var undo = new BlockUndo(
        [
            new TxUndo([new Coin(new TxOut(Money.Satoshis(123), new Script(OpcodeType.OP_TRUE)), 1_000_000, true)]),
            new TxUndo([CoinOf(7), new Coin(new TxOut(Money.Satoshis(0), Script.Empty), 127, false)]),
        ]);

        var bytes = undo.ToBytes();
        var back = BlockUndo.FromBytes(bytes);

        Assert.Equal(bytes, back.ToBytes());
        Assert.True(back.Transactions[0].SpentCoins[0].SameAs(undo.Transactions[0].SpentCoins[0]));
        Assert.Equal(2, back.Transactions[1].SpentCoins.Count);
        Assert.Throws<FormatException>(() => BlockUndo.FromBytes(bytes.AsSpan(0, bytes.Length - 1)));
    }

    [Fact]
    public void Undo_height_uses_core_varint()
    {
        // Height 64, not coinbase: code 128 is VARINT 0x80 0x00.
        var bytes = new BlockUndo([new TxUndo([new Coin(new TxOut(Money.Zero, Script.Empty), 64, false)])]).ToBytes();

        Assert.Equal(new byte[] { 0x01, 0x01, 0x80, 0x00 }, bytes[..4]);
    }

    private static Coin CoinOf(long coins) => new(new TxOut(Money.Coins(coins), new Script(OpcodeType.OP_TRUE)), 10, false);
}
