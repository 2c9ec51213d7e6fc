using Faithcoin.Node.Mempool.Policy;

namespace Faithcoin.Node.Tests.Mempool.Policy;

/// <summary>CFeeRate's integer arithmetic and 0.15's money syntax.</summary>
public sealed class PolicyFeeRateTests
{
    [Theory]
    [InlineData(100_000, 226, 22_600)]
    [InlineData(1_000, 250, 250)]
    [InlineData(1_000, 1, 1)]
    [InlineData(1, 999, 1)]
    [InlineData(1_500, 3, 4)]
    [InlineData(-1, 10, -1)]
    [InlineData(0, 10, 0)]
    [InlineData(100_000, 0, 0)]
    public void GetFeeTruncatesButNeverToZero(long perK, long size, long fee) =>
        Assert.Equal(fee, new PolicyFeeRate(perK).GetFee(size));

    [Theory]
    [InlineData(22_600, 226, 100_000)]
    [InlineData(999, 1000, 999)]
    [InlineData(1, 3, 333)]
    [InlineData(5, 0, 0)]
    public void FromFeeTruncates(long fee, long size, long perK) =>
        Assert.Equal(perK, PolicyFeeRate.FromFee(fee, size).SatoshisPerK);

    [Fact]
    public void PrintsAsTheOriginalDoes()
    {
        Assert.Equal("0.00100000 LTC/kB", new PolicyFeeRate(100_000).ToString());
        Assert.Equal("12.34567890 LTC/kB", new PolicyFeeRate(1_234_567_890).ToString());
        Assert.True(new PolicyFeeRate(2) > new PolicyFeeRate(1));
    }

    [Theory]
    [InlineData("0.001", 100_000)]
    [InlineData("  1.5 ", 150_000_000)]
    [InlineData("0.00000001", 1)]
    [InlineData("1.", 100_000_000)]
    [InlineData(".5", 50_000_000)]
    [InlineData("", 0)]
    [InlineData("9999999999.99999999", 999_999_999_999_999_999)]
    public void ParsesTheOriginalsAmountSyntax(string text, long amount)
    {
        Assert.True(MoneyText.TryParse(text, out var parsed));
        Assert.Equal(amount, parsed);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1e-3")]
    [InlineData("0.000000001")]
    [InlineData("1,5")]
    [InlineData("1 2")]
    [InlineData("10000000000")]
    public void RefusesWhatTheOriginalRefuses(string text) => Assert.False(MoneyText.TryParse(text, out _));

    [Theory]
    [InlineData(100_000_000, "1.00")]
    [InlineData(10_000, "0.0001")]
    [InlineData(123_456_789, "1.23456789")]
    [InlineData(0, "0.00")]
    [InlineData(-50_000, "-0.0005")]
    public void FormatsLikeFormatMoney(long amount, string text) => Assert.Equal(text, MoneyText.Format(amount));
}
