using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Transactions;
using NBitcoin;
using Xunit;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Consensus.Tests.Rules.Transactions;

/// <summary>CheckTxInputs, the missing-input rule, finality and BIP68 sequence locks.</summary>
public sealed class InputRulesTests
{
    [Fact]
    public void Spending_a_coinbase_at_depth_99_is_premature_with_no_dos()
    {
        var tx = TransactionCheckTests.Valid();
        var error = TransactionInputsRule.Check(tx, [CoinAt(10, coinbase: true, coins: 2)], 109, 100, out _);

        Assert.NotNull(error);
        Assert.Equal("bad-txns-premature-spend-of-coinbase", error.Reason);
        Assert.Equal(0, error.DoS);
        Assert.Equal("tried to spend coinbase at depth 99", error.Debug);
    }

    [Fact]
    public void Spending_a_coinbase_at_depth_100_is_allowed() =>
        Assert.Null(TransactionInputsRule.Check(TransactionCheckTests.Valid(), [CoinAt(10, coinbase: true, coins: 2)], 110, 100, out _));

    [Fact]
    public void Input_value_over_max_money_is_bad_txns_inputvalues_outofrange()
    {
        var coin = new Coin(new TxOut(Money.Satoshis(ConsensusConstants.MaxMoney + 1), Script.Empty), 1, false);
        var error = TransactionInputsRule.Check(TransactionCheckTests.Valid(), [coin], 5, 100, out _);

        Assert.Equal("bad-txns-inputvalues-outofrange", error?.Reason);
        Assert.Equal(100, error?.DoS);
    }

    [Fact]
    public void Inputs_summing_over_max_money_is_bad_txns_inputvalues_outofrange()
    {
        var half = new Coin(new TxOut(Money.Satoshis(ConsensusConstants.MaxMoney / 2 + 1), Script.Empty), 1, false);
        var error = TransactionInputsRule.Check(TransactionCheckTests.Valid(), [half, half], 5, 100, out _);

        Assert.Equal("bad-txns-inputvalues-outofrange", error?.Reason);
    }

    [Fact]
    public void Paying_more_than_the_inputs_is_bad_txns_in_belowout()
    {
        var error = TransactionInputsRule.Check(TransactionCheckTests.Valid(), [CoinAt(1, false, coins: 0.5m)], 5, 100, out _);

        Assert.Equal("bad-txns-in-belowout", error?.Reason);
        Assert.Equal(100, error?.DoS);
        Assert.Equal("value in (0.50000000) < value out (1.00000000)", error?.Debug);
    }

    [Fact]
    public void The_fee_is_inputs_minus_outputs()
    {
        Assert.Null(TransactionInputsRule.Check(TransactionCheckTests.Valid(), [CoinAt(1, false, coins: 3)], 5, 100, out var fee));
        Assert.Equal(2 * ConsensusConstants.Coin, fee);
    }

    [Fact]
    public void Spending_an_unknown_coin_is_bad_txns_inputs_missingorspent()
    {
        var error = InputsAvailableRule.Check(TransactionCheckTests.Valid(), new MemoryCoinsView(), out _);

        Assert.Equal("bad-txns-inputs-missingorspent", error?.Reason);
        Assert.Equal(100, error?.DoS);
    }

    [Theory]
    [InlineData(0u, 0u, true)]
    [InlineData(100u, 0xfffffffeu, false)]
    [InlineData(99u, 0xfffffffeu, true)]
    [InlineData(100u, 0xffffffffu, true)]
    [InlineData(500_000_000u, 0u, true)]
    [InlineData(600_000_000u, 0u, false)]
    public void Lock_time_is_final_below_the_height_or_cutoff_or_with_final_sequences(uint lockTime, uint sequence, bool final)
    {
        var tx = TransactionCheckTests.Valid(t =>
        {
            t.LockTime = new LockTime(lockTime);
            t.Inputs[0].Sequence = new Sequence(sequence);
        });

        Assert.Equal(final, TransactionFinality.IsFinal(tx, 100, 550_000_000));
    }

    [Fact]
    public void Relative_height_lock_not_yet_reached_is_bad_txns_nonfinal()
    {
        var chain = Headers(20);
        var tx = TransactionCheckTests.Valid(t =>
        {
            t.Version = 2;
            t.Inputs[0].Sequence = new Sequence(10u);
        });

        // Coin at 11, lock of 10 blocks: first allowed in block 21, the block after chain tip 20.
        Assert.Null(SequenceLockRule.Check(tx, [11], chain, csvActive: true));
        var error = SequenceLockRule.Check(tx, [12], chain, csvActive: true);
        Assert.Equal("bad-txns-nonfinal", error?.Reason);
        Assert.Equal(100, error?.DoS);
        Assert.Equal("contains a non-BIP68-final transaction", error?.Debug);
    }

    [Fact]
    public void Sequence_locks_do_not_apply_before_csv_or_to_version_1_or_with_the_disable_flag()
    {
        var chain = Headers(20);
        var locked = TransactionCheckTests.Valid(t =>
        {
            t.Version = 2;
            t.Inputs[0].Sequence = new Sequence(10u);
        });
        Assert.Null(SequenceLockRule.Check(locked, [20], chain, csvActive: false));

        var version1 = TransactionCheckTests.Valid(t => t.Inputs[0].Sequence = new Sequence(10u));
        Assert.Null(SequenceLockRule.Check(version1, [20], chain, csvActive: true));

        var disabled = TransactionCheckTests.Valid(t =>
        {
            t.Version = 2;
            t.Inputs[0].Sequence = new Sequence(10u | SequenceLocks.DisableFlag);
        });
        Assert.Null(SequenceLockRule.Check(disabled, [20], chain, csvActive: true));
    }

    [Fact]
    public void Relative_time_lock_counts_512_second_units_from_the_coins_parent_median_time()
    {
        var chain = Headers(30);
        var tx = TransactionCheckTests.Valid(t =>
        {
            t.Version = 2;
            t.Inputs[0].Sequence = new Sequence(SequenceLocks.TypeFlag | 2u);
        });

        var sequenceLock = SequenceLocks.Calculate(tx, true, [11], chain);
        Assert.Equal(-1, sequenceLock.MinHeight);
        Assert.Equal(chain.GetAncestor(10)!.GetMedianTimePast() + 1024 - 1, sequenceLock.MinTime);
    }

    internal static ChainedHeader Headers(int tipHeight)
    {
        ChainedHeader? tip = null;
        for (var h = 0; h <= tipHeight; h++)
        {
            var header = FaithcoinConsensusFactory.Instance.CreateBlockHeader();
            header.HashPrevBlock = tip?.HashBlock ?? uint256.Zero;
            header.BlockTime = DateTimeOffset.FromUnixTimeSeconds(1_500_000_000 + (h * 150));
            header.Bits = new Target(0x207fffff);
            tip = new ChainedHeader(header, header.GetHash(), tip);
        }

        return tip!;
    }

    private static Coin CoinAt(int height, bool coinbase, decimal coins) =>
        new(new TxOut(Money.Coins(coins), Script.Empty), height, coinbase);
}
