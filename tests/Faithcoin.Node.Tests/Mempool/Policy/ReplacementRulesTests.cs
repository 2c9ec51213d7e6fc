using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Mempool.Policy;
using NBitcoin;
using static Faithcoin.Node.Tests.Mempool.Policy.PolicyTransactions;

namespace Faithcoin.Node.Tests.Mempool.Policy;

/// <summary>BIP125 signalling and the replacement rules of 0.15, with their reasons and debug texts.</summary>
public sealed class ReplacementRulesTests
{
    private static readonly uint256 Txid = uint256.Parse("00000000000000000000000000000000000000000000000000000000000000aa");
    private readonly ReplacementRules rules = new(new PolicySettings { EnableReplacement = true });

    private static Transaction WithSequence(uint sequence)
    {
        var tx = Spending(StandardPayment);
        tx.Inputs[0].Sequence = sequence;
        return tx;
    }

    [Theory]
    [InlineData(0xfffffffdu, true)]
    [InlineData(0u, true)]
    [InlineData(0xfffffffeu, false)]
    [InlineData(0xffffffffu, false)]
    public void AnyInputBelow0xfffffffeSignals(uint sequence, bool signals)
    {
        Assert.Equal(signals, Bip125.SignalsOptInRbf(WithSequence(sequence)));
        var tx = WithSequence(0xffffffff);
        tx.Inputs.Add(new TxIn(new OutPoint(uint256.One, 1)) { Sequence = sequence });
        Assert.Equal(signals, Bip125.SignalsOptInRbf(tx));
    }

    [Fact]
    public void OnlyOptedInConflictsAreReplaceableAndOnlyWithMempoolReplacement()
    {
        Assert.Null(rules.CheckConflictReplaceable(WithSequence(0xfffffffd)));
        var final = rules.CheckConflictReplaceable(WithSequence(0xfffffffe));
        Assert.Equal(("txn-mempool-conflict", RejectCode.Duplicate), (final?.Reason, final?.Code));
        var litecoinDefault = new ReplacementRules(new PolicySettings());
        Assert.Equal("txn-mempool-conflict", litecoinDefault.CheckConflictReplaceable(WithSequence(0))?.Reason);
    }

    [Fact]
    public void TheNewFeeRateMustBeatEachConflicts()
    {
        ConflictingEntry[] conflicts = [new(WithSequence(0), 10_000, 100, 1)];
        Assert.Null(ReplacementRules.CheckFeeRatesAndCount(Txid, 20_001, 200, conflicts));
        var error = ReplacementRules.CheckFeeRatesAndCount(Txid, 20_000, 200, conflicts);
        Assert.Equal(("insufficient fee", RejectCode.InsufficientFee), (error?.Reason, error?.Code));
        Assert.Equal($"rejecting replacement {Txid}; new feerate 0.00100000 LTC/kB <= old feerate 0.00100000 LTC/kB", error?.Debug);
    }

    [Fact]
    public void AtMost100TransactionsMayBeEvicted()
    {
        ConflictingEntry[] hundred = [new(WithSequence(0), 1, 100, 60), new(WithSequence(0), 1, 100, 40)];
        Assert.Null(ReplacementRules.CheckFeeRatesAndCount(Txid, 1_000_000, 100, hundred));
        ConflictingEntry[] more = [new(WithSequence(0), 1, 100, 60), new(WithSequence(0), 1, 100, 41)];
        var error = ReplacementRules.CheckFeeRatesAndCount(Txid, 1_000_000, 100, more);
        Assert.Equal(("too many potential replacements", RejectCode.Nonstandard), (error?.Reason, error?.Code));
        Assert.Equal($"rejecting replacement {Txid}; too many potential replacements (101 > 100)\n", error?.Debug);
    }

    [Fact]
    public void AReplacementPaysTheEvictedFeesPlusTheIncrementalRelayFee()
    {
        // 1,000 sat/kB x 250 virtual bytes = 250 satoshis more than the 50,000 evicted.
        Assert.Null(rules.CheckPaysForReplacement(Txid, 50_250, 250, 50_000));
        var tooLittle = rules.CheckPaysForReplacement(Txid, 50_249, 250, 50_000);
        Assert.Equal($"rejecting replacement {Txid}, not enough additional fees to relay; 0.00000249 < 0.0000025", tooLittle?.Debug);
        var less = rules.CheckPaysForReplacement(Txid, 49_999, 250, 50_000);
        Assert.Equal(("insufficient fee", $"rejecting replacement {Txid}, less fees than conflicting txs; 0.00049999 < 0.0005"), (less?.Reason, less?.Debug));
    }

    [Fact]
    public void AReplacementMayNotAddUnconfirmedInputs()
    {
        var conflict = WithSequence(0);
        var replacement = WithSequence(0);
        var unconfirmedParent = uint256.Parse("00000000000000000000000000000000000000000000000000000000000000bb");
        replacement.Inputs.Add(new TxIn(new OutPoint(unconfirmedParent, 0)));
        ConflictingEntry[] conflicts = [new(conflict, 1, 100, 1)];
        Assert.Null(ReplacementRules.CheckNoNewUnconfirmedInputs(replacement, conflicts, _ => false));
        Assert.Null(ReplacementRules.CheckNoNewUnconfirmedInputs(replacement, conflicts, hash => hash == uint256.One));
        var error = ReplacementRules.CheckNoNewUnconfirmedInputs(replacement, conflicts, hash => hash == unconfirmedParent);
        Assert.Equal(("replacement-adds-unconfirmed", $"replacement {replacement.GetHash()} adds unconfirmed input, idx 1"), (error?.Reason, error?.Debug));
    }

    [Fact]
    public void AReplacementMayNotSpendWhatItReplaces()
    {
        var conflict = uint256.Parse("00000000000000000000000000000000000000000000000000000000000000cc");
        var conflicts = new HashSet<uint256> { conflict };
        Assert.Null(ReplacementRules.CheckSpendsNoConflict(Txid, [uint256.One], conflicts));
        var error = ReplacementRules.CheckSpendsNoConflict(Txid, [uint256.One, conflict], conflicts);
        Assert.Equal(("bad-txns-spends-conflicting-tx", 10, RejectCode.Invalid), (error?.Reason, error?.DoS, error?.Code));
        Assert.Equal($"{Txid} spends conflicting transaction {conflict}", error?.Debug);
    }
}
