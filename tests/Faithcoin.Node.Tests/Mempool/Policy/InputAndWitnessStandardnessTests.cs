using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Mempool.Policy;
using NBitcoin;
using static Faithcoin.Node.Tests.Mempool.Policy.PolicyTransactions;

namespace Faithcoin.Node.Tests.Mempool.Policy;

/// <summary>AreInputsStandard and IsWitnessStandard of 0.15 at their limits.</summary>
public sealed class InputAndWitnessStandardnessTests
{
    private static byte[] CheckSigs(int count) => [.. Enumerable.Repeat((byte)0xac, count), 0x51];

    private static Transaction SpendingWithScriptSig(params byte[][] pushes)
    {
        var tx = Spending(StandardPayment);
        tx.Inputs[0].ScriptSig = new Script(pushes.Select(p => Op.GetPushOp(p)));
        return tx;
    }

    [Theory]
    [InlineData(15, null)]
    [InlineData(16, "bad-txns-nonstandard-inputs")]
    public void AP2shRedeemScriptHoldsAtMost15SigOps(int sigOps, string? reason)
    {
        var redeemScript = CheckSigs(sigOps);
        var tx = SpendingWithScriptSig([1], redeemScript);
        AssertNonstandard(reason, StandardInputsCheck.Check(tx, [Pay(1, P2sh(redeemScript))]));
    }

    [Fact]
    public void MultisigRedeemScriptsCountTheirKeysAccurately()
    {
        // 3 keys count 3, not the 20 an inaccurate count would give.
        var redeemScript = Multisig(2, 3).ToBytes();
        var tx = SpendingWithScriptSig([], [1], [2], redeemScript);
        Assert.Null(StandardInputsCheck.Check(tx, [Pay(1, P2sh(redeemScript))]));
        var fiveMultisigs = Enumerable.Repeat(redeemScript[..^1].Concat(new byte[] { 0xad }), 5).SelectMany(b => b).Append((byte)0x51).ToArray();
        Assert.Equal("bad-txns-nonstandard-inputs", StandardInputsCheck.Check(SpendingWithScriptSig(fiveMultisigs), [Pay(1, P2sh(fiveMultisigs))])?.Reason);
    }

    [Fact]
    public void SpendingANonStandardOutputIsNonStandard()
    {
        var tx = Spending(StandardPayment);
        Assert.Null(StandardInputsCheck.Check(tx, [Pay(1, P2pkh)]));
        AssertNonstandard("bad-txns-nonstandard-inputs", StandardInputsCheck.Check(tx, [Pay(1, new Script(OpcodeType.OP_TRUE))]));
        AssertNonstandard("bad-txns-nonstandard-inputs", StandardInputsCheck.Check(tx, [Pay(1, Multisig(2, 1))]));
    }

    [Theory]
    [InlineData(520, null)]
    [InlineData(521, "bad-txns-nonstandard-inputs")]
    public void ARedeemScriptPushOver520BytesFailsEvaluation(int size, string? reason)
    {
        var redeemScript = new byte[size];
        redeemScript[^1] = 0x51;
        var tx = SpendingWithScriptSig(redeemScript);
        AssertNonstandard(reason, StandardInputsCheck.Check(tx, [Pay(1, P2sh(redeemScript))]));
    }

    [Theory]
    [InlineData(999, null)]
    [InlineData(1000, "bad-txns-nonstandard-inputs")]
    public void EvaluationStopsAtAThousandStackElements(int padding, string? reason)
    {
        var tx = Spending(StandardPayment);
        tx.Inputs[0].ScriptSig = new Script([.. new byte[padding], 0x01, 0x51]);
        AssertNonstandard(reason, StandardInputsCheck.Check(tx, [Pay(1, P2sh([0x51]))]));
    }

    [Fact]
    public void OpReservedInAP2shScriptSigFailsEvaluation()
    {
        var tx = Spending(StandardPayment);
        tx.Inputs[0].ScriptSig = new Script([0x50, 0x01, 0x51]);
        AssertNonstandard("bad-txns-nonstandard-inputs", StandardInputsCheck.Check(tx, [Pay(1, P2sh([0x51]))]));
        tx.Inputs[0].ScriptSig = new Script([0x4f, 0x01, 0x51]);
        Assert.Null(StandardInputsCheck.Check(tx, [Pay(1, P2sh([0x51]))]));
    }

    [Fact]
    public void AnEmptyScriptSigForP2shIsNonStandard()
    {
        var tx = SpendingWithScriptSig();
        AssertNonstandard("bad-txns-nonstandard-inputs", StandardInputsCheck.Check(tx, [Pay(1, P2sh([0x51]))]));
    }

    [Theory]
    [InlineData(3600, 1, 80, null)]
    [InlineData(3601, 1, 80, "bad-witness-nonstandard")]
    [InlineData(10, 100, 80, null)]
    [InlineData(10, 101, 80, "bad-witness-nonstandard")]
    [InlineData(10, 2, 81, "bad-witness-nonstandard")]
    public void P2wshWitnessesKeepToTheScriptItemAndSizeLimits(int scriptSize, int items, int itemSize, string? reason)
    {
        var witnessScript = new byte[scriptSize];
        var tx = Spending(StandardPayment);
        tx.Inputs[0].ScriptSig = Script.Empty;
        tx.Inputs[0].WitScript = new WitScript([.. Enumerable.Repeat(new byte[itemSize], items), witnessScript]);
        AssertWitness(reason, WitnessStandardCheck.Check(tx, [Pay(1, P2wsh(witnessScript))]));
    }

    [Fact]
    public void NestedP2wshIsCheckedThroughTheRedeemScript()
    {
        var witnessScript = new byte[3601];
        var redeemScript = P2wsh(witnessScript).ToBytes();
        var tx = SpendingWithScriptSig(redeemScript);
        tx.Inputs[0].WitScript = new WitScript([new byte[1], witnessScript]);
        AssertWitness("bad-witness-nonstandard", WitnessStandardCheck.Check(tx, [Pay(1, P2sh(redeemScript))]));
        tx.Inputs[0].WitScript = new WitScript([new byte[1], new byte[3600]]);
        Assert.Null(WitnessStandardCheck.Check(tx, [Pay(1, P2sh(redeemScript))]));
    }

    [Fact]
    public void AWitnessOnANonWitnessInputIsNonStandardAndNoWitnessIsFine()
    {
        var tx = Spending(StandardPayment);
        Assert.Null(WitnessStandardCheck.Check(tx, [Pay(1, P2pkh)]));
        tx.Inputs[0].WitScript = new WitScript([new byte[1]]);
        AssertWitness("bad-witness-nonstandard", WitnessStandardCheck.Check(tx, [Pay(1, P2pkh)]));
        Assert.Null(WitnessStandardCheck.Check(tx, [Pay(1, P2wpkh)]));
    }

    private static void AssertNonstandard(string? reason, ValidationError? error) =>
        StandardTransactionCheckTests.AssertReason(reason, error);

    private static void AssertWitness(string? reason, ValidationError? error)
    {
        AssertNonstandard(reason, error);
        Assert.True(error is null || error.CorruptionPossible);
    }
}
