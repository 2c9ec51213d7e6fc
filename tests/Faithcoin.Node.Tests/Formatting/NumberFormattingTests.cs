using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Tests.Formatting;

/// <summary>Numbers as UniValue prints them: doubles in %.16g, amounts with eight decimals.</summary>
public sealed class NumberFormattingTests
{
    [Theory]
    [InlineData(4.656542373906925e-10, "4.656542373906925e-10")]
    [InlineData(1.0, "1")]
    [InlineData(0.000244140625, "0.000244140625")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e16, "1e+16")]
    [InlineData(9999999999999998.0, "9999999999999998")]
    [InlineData(1234.5, "1234.5")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(123456789012345678.0, "1.234567890123457e+17")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(0.00012345678901234567, "0.0001234567890123457")]
    [InlineData(double.Epsilon, "4.940656458412465e-324")]
    [InlineData(double.MaxValue, "1.797693134862316e+308")]
    [InlineData(0.0, "0")]
    public void DoublesPrintLikePrintfPercent16G(double value, string expected)
    {
        Assert.Equal(expected, DoubleText.Format(value));
    }

    [Fact]
    public void NonFiniteDoublesHaveNoJsonForm()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DoubleText.Format(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoubleText.Format(double.PositiveInfinity));
    }

    [Theory]
    [InlineData(0x207fffffu, "4.656542373906925e-10")]
    [InlineData(0x1d00ffffu, "1")]
    [InlineData(0x1e0ffff0u, "0.000244140625")]
    [InlineData(0x1e0fffffu, "0.0002441371325370145")]
    [InlineData(0x1b0404cbu, "16307.42093852398")]
    public void DifficultyFromBits(uint bits, string expected)
    {
        Assert.Equal(expected, WireJson.Of(Difficulty.ToJson(bits)));
    }

    [Theory]
    [InlineData(5_000_000_000L, "50.00000000")]
    [InlineData(0L, "0.00000000")]
    [InlineData(1L, "0.00000001")]
    [InlineData(-1L, "-0.00000001")]
    [InlineData(-150_000_000L, "-1.50000000")]
    [InlineData(1_234_567L, "0.01234567")]
    [InlineData(1_494_999_998_350L, "14949.99998350")]
    [InlineData(8_400_000_000_000_000L, "84000000.00000000")]
    [InlineData(long.MinValue, "-92233720368.54775808")]
    public void AmountsKeepEightDecimals(long satoshis, string expected)
    {
        Assert.Equal(expected, AmountJson.Format(satoshis));
        Assert.Equal(expected, WireJson.Of(AmountJson.ToJson(satoshis)));
    }

    [Fact]
    public void TheReplyWriterKeepsTheNumbersText()
    {
        var result = new JsonObject
        {
            ["difficulty"] = Difficulty.ToJson(0x207fffff),
            ["value"] = AmountJson.ToJson(5_000_000_000),
        };
        using var id = JsonDocument.Parse("1");

        var body = JsonRpcReplyWriter.Build(writer => JsonRpcReplyWriter.WriteSuccess(writer, result, id.RootElement));

        Assert.Equal(
            "{\"result\":{\"difficulty\":4.656542373906925e-10,\"value\":50.00000000},\"error\":null,\"id\":1}\n",
            System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal("{\"difficulty\":4.656542373906925e-10,\"value\":50.00000000}", result.ToJsonString());
    }

    [Fact]
    public void RawNumbersStillReadAsNumbers()
    {
        var node = AmountJson.ToJson(5_000_000_000);

        Assert.Equal(JsonValueKind.Number, node.GetValueKind());
        Assert.Equal(50m, node.GetValue<decimal>());
    }

    [Fact]
    public void TextThatIsNotANumberIsRefused()
    {
        Assert.Throws<ArgumentException>(() => JsonNumber.FromText("\"50\""));
        Assert.Throws<ArgumentException>(() => JsonNumber.FromText("5 0"));
    }
}
