using Faithcoin.Node.Mining;

namespace Faithcoin.Node.Tests.Mining;

/// <summary>Coinbase scriptSigs of CreateNewBlock (height OP_0) and IncrementExtraNonce (height extranonce).</summary>
public sealed class CoinbaseScriptsTests
{
    [Theory]
    [InlineData(1, "5100")]
    [InlineData(16, "6000")]
    [InlineData(17, "011100")]
    [InlineData(127, "017f00")]
    [InlineData(128, "02800000")]
    [InlineData(255, "02ff0000")]
    [InlineData(256, "02000100")]
    [InlineData(499, "02f30100")]
    [InlineData(32768, "0300800000")]
    [InlineData(840000, "0340d10c00")]
    public void TemplateCoinbasePushesTheHeightThenZero(int height, string hex)
    {
        Assert.Equal(hex, Convert.ToHexStringLower(CoinbaseScripts.ForTemplate(height).ToBytes()));
    }

    [Theory]
    [InlineData(1, 1u, "510101")]
    [InlineData(499, 1u, "02f3010101")]
    [InlineData(2, 0u, "5200")]
    [InlineData(2, 127u, "52017f")]
    [InlineData(2, 128u, "52028000")]
    [InlineData(2, 0x80000000u, "52050000008000")]
    [InlineData(2, uint.MaxValue, "5205ffffffff00")]
    public void ExtraNonceFollowsTheHeightAsAScriptNumber(int height, uint extraNonce, string hex)
    {
        Assert.Equal(hex, Convert.ToHexStringLower(CoinbaseScripts.WithExtraNonce(height, extraNonce).ToBytes()));
    }

    [Theory]
    [InlineData(0L, "")]
    [InlineData(-1L, "81")]
    [InlineData(-128L, "8080")]
    [InlineData(-255L, "ff80")]
    [InlineData(32767L, "ff7f")]
    public void ScriptNumbersAreMinimal(long value, string hex)
    {
        Assert.Equal(hex, Convert.ToHexStringLower(CoinbaseScripts.ScriptNumberBytes(value)));
    }
}
