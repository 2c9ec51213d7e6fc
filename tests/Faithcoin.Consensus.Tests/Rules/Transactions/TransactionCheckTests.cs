using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Transactions;
using Faithcoin.Consensus.Validation;
using NBitcoin;
using Xunit;

namespace Faithcoin.Consensus.Tests.Rules.Transactions;

/// <summary>One test per CheckTransaction rule: a transaction breaking exactly that rule, and its reason and score.</summary>
public sealed class TransactionCheckTests
{
    private static readonly TransactionCheck Check = new();

    [Fact]
    public void Valid_transaction_passes() => Assert.Null(Check.Check(Valid()));

    [Fact]
    public void No_inputs_is_bad_txns_vin_empty() =>
        AssertRejected(Valid(tx => tx.Inputs.Clear()), "bad-txns-vin-empty", 10);

    [Fact]
    public void No_outputs_is_bad_txns_vout_empty() =>
        AssertRejected(Valid(tx => tx.Outputs.Clear()), "bad-txns-vout-empty", 10);

    [Fact]
    public void Stripped_size_over_a_quarter_of_the_weight_limit_is_bad_txns_oversize() =>
        AssertRejected(Valid(tx => tx.Outputs[0].ScriptPubKey = Script.FromBytesUnsafe(new byte[1_000_001])), "bad-txns-oversize", 100);

    [Fact]
    public void Negative_output_is_bad_txns_vout_negative() =>
        AssertRejected(Valid(tx => tx.Outputs[0].Value = Money.Satoshis(-1)), "bad-txns-vout-negative", 100);

    [Fact]
    public void Output_over_max_money_is_bad_txns_vout_toolarge() =>
        AssertRejected(Valid(tx => tx.Outputs[0].Value = Money.Satoshis(ConsensusConstants.MaxMoney + 1)), "bad-txns-vout-toolarge", 100);

    [Fact]
    public void Outputs_summing_over_max_money_is_bad_txns_txouttotal_toolarge() =>
        AssertRejected(
            Valid(tx =>
            {
                tx.Outputs[0].Value = Money.Satoshis(ConsensusConstants.MaxMoney);
                tx.Outputs.Add(new TxOut(Money.Satoshis(1), Script.Empty));
            }),
            "bad-txns-txouttotal-toolarge",
            100);

    [Fact]
    public void Output_of_exactly_max_money_passes() =>
        Assert.Null(Check.Check(Valid(tx => tx.Outputs[0].Value = Money.Satoshis(ConsensusConstants.MaxMoney))));

    [Fact]
    public void Same_outpoint_twice_is_bad_txns_inputs_duplicate() =>
        AssertRejected(Valid(tx => tx.Inputs.Add(new TxIn(tx.Inputs[0].PrevOut))), "bad-txns-inputs-duplicate", 100);

    [Theory]
    [InlineData(1)]
    [InlineData(101)]
    public void Coinbase_script_outside_2_to_100_bytes_is_bad_cb_length(int length) =>
        AssertRejected(Coinbase(length), "bad-cb-length", 100);

    [Theory]
    [InlineData(2)]
    [InlineData(100)]
    public void Coinbase_script_of_2_or_100_bytes_passes(int length) => Assert.Null(Check.Check(Coinbase(length)));

    [Fact]
    public void Null_prevout_outside_a_coinbase_is_bad_txns_prevout_null() =>
        AssertRejected(Valid(tx => tx.Inputs.Add(new TxIn(new OutPoint()))), "bad-txns-prevout-null", 10);

    internal static Transaction Valid(Action<Transaction>? breakIt = null)
    {
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Inputs.Add(new TxIn(new OutPoint(uint256.One, 0)));
        tx.Outputs.Add(new TxOut(Money.Coins(1), Script.Empty));
        breakIt?.Invoke(tx);
        return tx;
    }

    private static Transaction Coinbase(int scriptLength)
    {
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Inputs.Add(new TxIn(new OutPoint(), Script.FromBytesUnsafe(new byte[scriptLength])));
        tx.Outputs.Add(new TxOut(Money.Coins(1), Script.Empty));
        return tx;
    }

    private static void AssertRejected(Transaction tx, string reason, int dos)
    {
        var error = Check.Check(tx);
        Assert.NotNull(error);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(dos, error.DoS);
        Assert.Equal(RejectCode.Invalid, error.Code);
    }
}
