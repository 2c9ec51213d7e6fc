using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Mempool.Policy;
using NBitcoin;
using static Faithcoin.Node.Tests.Mempool.Policy.PolicyTransactions;

namespace Faithcoin.Node.Tests.Mempool.Policy;

/// <summary>IsStandardTx of 0.15, each rule at its boundary, with Litecoin 0.15.0's defaults.</summary>
public sealed class StandardTransactionCheckTests
{
    private readonly StandardTransactionCheck check = new(new PolicySettings());

    [Fact]
    public void AnOrdinaryPaymentIsStandard() => Assert.Null(check.Check(Spending(StandardPayment), witnessEnabled: false));

    [Theory]
    [InlineData(1u, null)]
    [InlineData(2u, null)]
    [InlineData(0u, "version")]
    [InlineData(3u, "version")]
    [InlineData(0x80000000u, "version")]
    public void OnlyVersionsOneAndTwoAreStandard(uint version, string? reason)
    {
        var tx = Spending(StandardPayment);
        tx.Version = version;
        AssertReason(reason, check.Check(tx, false));
    }

    [Theory]
    [InlineData(399_999, null)]
    [InlineData(400_000, "tx-size")]
    public void AStandardTransactionWeighsLessThan400000(int weight, string? reason)
    {
        var tx = Spending(StandardPayment);
        tx.Inputs[0].WitScript = new WitScript([new byte[1]]);
        var itemSize = 1 + weight - (int)TransactionSizes.Weight(tx);
        tx.Inputs[0].WitScript = new WitScript([new byte[itemSize]]);
        itemSize += weight - (int)TransactionSizes.Weight(tx);
        tx.Inputs[0].WitScript = new WitScript([new byte[itemSize]]);
        Assert.Equal(weight, TransactionSizes.Weight(tx));
        AssertReason(reason, check.Check(tx, witnessEnabled: true));
    }

    [Theory]
    [InlineData(1650, null)]
    [InlineData(1651, "scriptsig-size")]
    public void ScriptSigsAreAtMost1650Bytes(int size, string? reason)
    {
        var tx = Spending(StandardPayment);
        tx.Inputs[0].ScriptSig = PushOnlyScriptSig(size);
        Assert.Equal(size, tx.Inputs[0].ScriptSig.Length);
        AssertReason(reason, check.Check(tx, false));
    }

    [Theory]
    [InlineData("0051604f", null)]
    [InlineData("0076", "scriptsig-not-pushonly")]
    [InlineData("50", null)]
    [InlineData("4c05", "scriptsig-not-pushonly")]
    public void ScriptSigsOnlyPush(string scriptSigHex, string? reason)
    {
        // OP_RESERVED (0x50) counts as a push here, as in Core's IsPushOnly; a truncated push does not.
        var tx = Spending(StandardPayment);
        tx.Inputs[0].ScriptSig = new Script(Convert.FromHexString(scriptSigHex));
        AssertReason(reason, check.Check(tx, false));
    }

    [Fact]
    public void NonStandardOutputScriptsAreRefused()
    {
        AssertReason("scriptpubkey", check.Check(Spending(Pay(1_000_000, new Script(OpcodeType.OP_TRUE))), false));
        AssertReason("scriptpubkey", check.Check(Spending(Pay(1_000_000, new Script("OP_1 0101010101010101010101010101010101010101"))), false));
    }

    [Theory]
    [InlineData(1, 3, true, null)]
    [InlineData(3, 3, true, null)]
    [InlineData(1, 4, true, "scriptpubkey")]
    [InlineData(1, 1, false, "bare-multisig")]
    public void BareMultisigIsAtMostXOf3AndCanBeTurnedOff(int m, int n, bool permit, string? reason)
    {
        var strict = new StandardTransactionCheck(new PolicySettings { PermitBareMultisig = permit });
        AssertReason(reason, strict.Check(Spending(Pay(1_000_000, Multisig(m, n))), false));
    }

    [Theory]
    [InlineData(83, true, null)]
    [InlineData(84, true, "scriptpubkey")]
    [InlineData(10, false, "scriptpubkey")]
    public void NullDataFitsTheDataCarrierLimit(int scriptSize, bool dataCarrier, string? reason)
    {
        var output = Pay(0, NullData(scriptSize));
        Assert.Equal(scriptSize, output.ScriptPubKey.Length);
        var policy = new StandardTransactionCheck(new PolicySettings { AcceptDatacarrier = dataCarrier });
        AssertReason(reason, policy.Check(Spending(StandardPayment, output), false));
    }

    [Fact]
    public void OnlyOneNullDataOutputIsStandard() =>
        AssertReason("multi-op-return", check.Check(Spending(Pay(0, NullData(10)), StandardPayment, Pay(0, NullData(20))), false));

    [Theory]
    [InlineData(18_199, "dust")]
    [InlineData(18_200, null)]
    public void AP2pkhOutputBelow18200IsDustAtTheDefaultRate(long value, string? reason)
    {
        // (34-byte output + 148-byte input) x 100,000 sat/kB.
        Assert.Equal(18_200, DustThreshold.Of(Pay(value, P2pkh), new PolicyFeeRate(PolicyDefaults.DustRelayFee)));
        AssertReason(reason, check.Check(Spending(Pay(value, P2pkh)), false));
    }

    [Theory]
    [InlineData(9_799, "dust")]
    [InlineData(9_800, null)]
    public void AWitnessOutputGetsTheSegwitDiscount(long value, string? reason)
    {
        // (31-byte output + 67 virtual bytes of input) x 100,000 sat/kB.
        AssertReason(reason, check.Check(Spending(Pay(value, P2wpkh)), witnessEnabled: true));
    }

    [Fact]
    public void DustFollowsDustRelayFeeAndSparesUnspendableOutputs()
    {
        Assert.Equal(18_200, DustThreshold.Of(Pay(0, P2pkh), new PolicyFeeRate(100_000)));
        Assert.Equal(0, DustThreshold.Of(Pay(0, NullData(10)), new PolicyFeeRate(100_000)));
        var strict = new StandardTransactionCheck(new PolicySettings { DustRelayFee = new PolicyFeeRate(100_000) });
        Assert.Null(strict.Check(Spending(Pay(18_200, P2pkh)), false));
        AssertReason("dust", strict.Check(Spending(Pay(18_199, P2pkh)), false));
    }

    [Fact]
    public void WitnessOutputsWaitForSegwit()
    {
        var tx = Spending(Pay(1_000_000, P2wpkh), Pay(1_000_000, P2wsh([0x51])));
        AssertReason("scriptpubkey", check.Check(tx, witnessEnabled: false));
        Assert.Null(check.Check(tx, witnessEnabled: true));
    }

    [Fact]
    public void AWitnessBeforeSegwitIsRefusedAsPossiblyCorrupted()
    {
        var tx = Spending(StandardPayment);
        Assert.Null(StandardTransactionCheck.CheckWitnessAllowed(tx, false));
        tx.Inputs[0].WitScript = new WitScript([new byte[1]]);
        var error = StandardTransactionCheck.CheckWitnessAllowed(tx, false);
        Assert.Equal("no-witness-yet", error?.Reason);
        Assert.True(error!.CorruptionPossible);
        Assert.Null(StandardTransactionCheck.CheckWitnessAllowed(tx, true));
    }

    [Fact]
    public void RulesApplyInTheOriginalsOrder()
    {
        var tx = Spending(Pay(1, P2pkh), Pay(0, NullData(10)), Pay(0, NullData(10)));
        tx.Inputs[0].ScriptSig = new Script(OpcodeType.OP_DUP);
        AssertReason("scriptsig-not-pushonly", check.Check(tx, false));
        tx.Inputs[0].ScriptSig = Script.Empty;
        AssertReason("dust", check.Check(tx, false));
    }

    internal static void AssertReason(string? reason, ValidationError? error)
    {
        Assert.Equal(reason, error?.Reason);
        if (error is not null)
        {
            Assert.Equal(0, error.DoS);
            Assert.Equal(RejectCode.Nonstandard, error.Code);
        }
    }
}
