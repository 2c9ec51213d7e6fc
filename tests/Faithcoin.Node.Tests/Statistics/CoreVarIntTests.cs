using Faithcoin.Node.Statistics;

namespace Faithcoin.Node.Tests.Statistics;

/// <summary>Core's VARINT: MSB-first base-128 with the +1 offset on continuation digits (not CompactSize).</summary>
public sealed class CoreVarIntTests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "01")]
    [InlineData(127UL, "7f")]
    [InlineData(128UL, "8000")]
    [InlineData(255UL, "807f")]
    [InlineData(256UL, "8100")]
    [InlineData(16383UL, "fe7f")]
    [InlineData(16384UL, "ff00")]
    [InlineData(16511UL, "ff7f")]
    [InlineData(16512UL, "808000")]
    [InlineData(65535UL, "82fe7f")]
    [InlineData(5_000_000_000UL, "91cf96e300")]
    [InlineData(4294967296UL, "8efefeff00")]
    [InlineData(9223372036854775807UL, "fefefefefefefefe7f")]
    public void EncodesLikeCore(ulong value, string hex)
    {
        Assert.Equal(hex, Convert.ToHexStringLower(CoreVarInt.Encode(value)));
    }

    [Fact]
    public void LargestValueFitsTheBuffer()
    {
        Assert.True(CoreVarInt.Encode(ulong.MaxValue).Length <= CoreVarInt.MaxLength);
    }
}
