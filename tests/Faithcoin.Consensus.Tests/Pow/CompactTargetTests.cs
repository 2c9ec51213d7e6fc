using System.Globalization;
using System.Numerics;
using Faithcoin.Consensus.Pow;
using Xunit;

namespace Faithcoin.Consensus.Tests.Pow;

/// <summary>nBits decoding and encoding: the numbers of Bitcoin Core's arith_uint256 bignum_SetCompact test.</summary>
public sealed class CompactTargetTests
{
    // compact, decoded value (hex), re-encoded compact, negative, overflow
    [Theory]
    [InlineData(0x00000000u, "0", 0x00000000u, false, false)]
    [InlineData(0x00123456u, "0", 0x00000000u, false, false)]
    [InlineData(0x01003456u, "0", 0x00000000u, false, false)]
    [InlineData(0x02000056u, "0", 0x00000000u, false, false)]
    [InlineData(0x03000000u, "0", 0x00000000u, false, false)]
    [InlineData(0x04000000u, "0", 0x00000000u, false, false)]
    [InlineData(0x00923456u, "0", 0x00000000u, false, false)]
    [InlineData(0x01803456u, "0", 0x00000000u, false, false)]
    [InlineData(0x02800056u, "0", 0x00000000u, false, false)]
    [InlineData(0x03800000u, "0", 0x00000000u, false, false)]
    [InlineData(0x04800000u, "0", 0x00000000u, false, false)]
    [InlineData(0x01123456u, "12", 0x01120000u, false, false)]
    [InlineData(0x02123456u, "1234", 0x02123400u, false, false)]
    [InlineData(0x03123456u, "123456", 0x03123456u, false, false)]
    [InlineData(0x04123456u, "12345600", 0x04123456u, false, false)]
    [InlineData(0x05009234u, "92340000", 0x05009234u, false, false)]
    [InlineData(0x20123456u, "1234560000000000000000000000000000000000000000000000000000000000", 0x20123456u, false, false)]
    public void SetCompactAndGetCompact(uint compact, string hex, uint reencoded, bool negative, bool overflow)
    {
        var value = CompactTarget.Decode(compact, out var isNegative, out var isOverflow);
        Assert.Equal(Hex(hex), value);
        Assert.Equal(negative, isNegative);
        Assert.Equal(overflow, isOverflow);
        Assert.Equal(reencoded, CompactTarget.Encode(value));
    }

    [Theory]
    [InlineData(0x01fedcbau, "7e", 0x01fe0000u)]
    [InlineData(0x04923456u, "12345600", 0x04923456u)]
    public void NegativeCompactsKeepTheirSignWhenReencodedAsNegative(uint compact, string hex, uint reencoded)
    {
        var value = CompactTarget.Decode(compact, out var negative, out var overflow);
        Assert.Equal(Hex(hex), value);
        Assert.True(negative);
        Assert.False(overflow);
        Assert.Equal(reencoded, CompactTarget.Encode(value, negative: true));
    }

    [Fact]
    public void EncodingNeverSetsTheSignBit()
    {
        Assert.Equal(0x02008000u, CompactTarget.Encode(new BigInteger(0x80)));
    }

    [Fact]
    public void HugeExponentOverflows()
    {
        CompactTarget.Decode(0xff123456, out var negative, out var overflow);
        Assert.False(negative);
        Assert.True(overflow);
    }

    [Theory]
    [InlineData(0x207fffffu, false)]
    [InlineData(0x21000001u, false)] // 33 bytes: fits while the mantissa has at most two bytes
    [InlineData(0x2100ffffu, false)]
    [InlineData(0x21010000u, true)]
    [InlineData(0x22000001u, false)] // 34 bytes: fits with a one-byte mantissa
    [InlineData(0x22000100u, true)]
    [InlineData(0x23000001u, true)]
    public void OverflowBoundaries(uint compact, bool overflow)
    {
        CompactTarget.Decode(compact, out _, out var isOverflow);
        Assert.Equal(overflow, isOverflow);
    }

    [Theory]
    [InlineData(0x1e0ffff0u)]
    [InlineData(0x1e0fffffu)]
    [InlineData(0x207fffffu)]
    [InlineData(0x1c093f8du)]
    public void NetworkCompactsRoundTrip(uint compact)
    {
        Assert.Equal(compact, CompactTarget.Encode(CompactTarget.Decode(compact)));
    }

    private static BigInteger Hex(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
