using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Mempool.Policy;
using NBitcoin;
using static Faithcoin.Node.Tests.Mempool.Policy.PolicyTransactions;

namespace Faithcoin.Node.Tests.Mempool.Policy;

/// <summary>Virtual size with -bytespersigop, the sigop limit, the fee floors and the absurd-fee check.</summary>
public sealed class FeeAndSizeChecksTests
{
    private readonly FeeChecks fees = new(new PolicySettings());

    [Fact]
    public void VirtualSizeRoundsUpAndChargesSigOps()
    {
        Assert.Equal(250, TransactionSizes.VirtualSize(997, 0, 20));
        Assert.Equal(250, TransactionSizes.VirtualSize(1000, 50, 20));
        Assert.Equal(255, TransactionSizes.VirtualSize(1000, 51, 20));
        Assert.Equal(250, TransactionSizes.VirtualSize(1000, 51, 0));
        var tx = Spending(StandardPayment);
        Assert.Equal(tx.ToBytes().Length * 4, TransactionSizes.Weight(tx));
        Assert.Equal(tx.ToBytes().Length, TransactionSizes.VirtualSize(tx));
    }

    [Fact]
    public void SigOpCostIsLimitedTo16000()
    {
        Assert.Null(FeeChecks.CheckSigOpCost(16_000));
        var error = FeeChecks.CheckSigOpCost(16_001);
        Assert.Equal(("bad-txns-too-many-sigops", RejectCode.Nonstandard, "16001"), (error?.Reason, error?.Code, error?.Debug));
    }

    [Fact]
    public void TheMinimumRelayFeeIsChargedPerVirtualKilobyte()
    {
        // 0.001 per kB: 250 virtual bytes must pay 25,000 satoshis.
        Assert.Null(fees.CheckFees(25_000, 25_000, 250, default, limitFree: true));
        var error = fees.CheckFees(24_999, 24_999, 250, default, limitFree: true);
        Assert.Equal(("min relay fee not met", RejectCode.InsufficientFee, 0), (error?.Reason, error?.Code, error?.DoS));
        Assert.Null(fees.CheckFees(24_999, 25_000, 250, default, limitFree: true));
        Assert.Null(fees.CheckFees(0, 0, 250, default, limitFree: false));
    }

    [Fact]
    public void AFullPoolsMinimumComesFirstAndReportsTheBaseFee()
    {
        var poolMinimum = new PolicyFeeRate(200_000);
        var error = fees.CheckFees(30_000, 40_000, 250, poolMinimum, limitFree: true);
        Assert.Equal(("mempool min fee not met", "30000 < 50000"), (error?.Reason, error?.Debug));
        Assert.Null(fees.CheckFees(30_000, 50_000, 250, poolMinimum, limitFree: true));
    }

    [Fact]
    public void AnAbsurdFeeIsAboveMaxTxFeeUnlessHighFeesAreAllowed()
    {
        Assert.Null(AbsurdFeeRejection.Check(10_000_000, PolicyDefaults.MaxTxFee));
        var rejection = AbsurdFeeRejection.Check(10_000_001, PolicyDefaults.MaxTxFee);
        Assert.Equal("256: absurdly-high-fee", rejection?.ToString());
        Assert.Equal("10000001 > 10000000", rejection?.Debug);
        Assert.Null(AbsurdFeeRejection.Check(long.MaxValue, 0));
    }
}
