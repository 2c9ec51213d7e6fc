using System.Text.Json;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Rpc.Methods.RawTransactions;

namespace Faithcoin.Node.Tests.Rpc.RawTransactions;

/// <summary>ParseFixedPoint and AmountFromValue with the cases of the original's util_tests and rpc_tests.</summary>
public sealed class AmountArgumentTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1", 100000000L)]
    [InlineData("0.0", 0L)]
    [InlineData("-0.1", -10000000L)]
    [InlineData("1.1", 110000000L)]
    [InlineData("1.10000000000000000", 110000000L)]
    [InlineData("1.1e1", 1100000000L)]
    [InlineData("1.1e-1", 11000000L)]
    [InlineData("-1000", -100000000000L)]
    [InlineData("0.00000001", 1L)]
    [InlineData("0.0000000100000000", 1L)]
    [InlineData("1000000000.00000001", 100000000000000001L)]
    [InlineData("9999999999.99999999", 999999999999999999L)]
    [InlineData("-9999999999.99999999", -999999999999999999L)]
    [InlineData("1e-8", 1L)]
    [InlineData("0.5E+1", 500000000L)]
    public void ParsesWhatTheOriginalParses(string text, long expected)
    {
        Assert.True(AmountArgument.TryParseFixedPoint(text, 8, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("a-1000")]
    [InlineData("-1000a")]
    [InlineData("-01000")]
    [InlineData("00.1")]
    [InlineData(".1")]
    [InlineData("--0.1")]
    [InlineData("1.")]
    [InlineData("1.1e")]
    [InlineData("1.1e-")]
    [InlineData("0.000000001")]
    [InlineData("0.00000001000000001")]
    [InlineData("10000000000.00000000")]
    [InlineData("-10000000000.00000001")]
    [InlineData("92233720368.54775808")]
    [InlineData("1e10")]
    [InlineData(" 1")]
    public void RefusesWhatTheOriginalRefuses(string text)
    {
        Assert.False(AmountArgument.TryParseFixedPoint(text, 8, out _));
    }

    [Theory]
    [InlineData("0.00000001", 1L)]
    [InlineData("\"0.00000001\"", 1L)]
    [InlineData("84000000", 8400000000000000L)]
    [InlineData("0", 0L)]
    public void AmountFromValueTakesNumbersAndStrings(string json, long expected)
    {
        Assert.Equal(expected, AmountArgument.Parse(JsonDocument.Parse(json).RootElement));
    }

    [Theory]
    [InlineData("84000000.00000001", "Amount out of range")]
    [InlineData("-0.00000001", "Amount out of range")]
    [InlineData("\"1.5x\"", "Invalid amount")]
    [InlineData("true", "Amount is not a number or string")]
    [InlineData("null", "Amount is not a number or string")]
    public void AmountFromValueRefusesWithTypeErrors(string json, string message)
    {
        var root = JsonDocument.Parse(json).RootElement;
        var error = Assert.Throws<RpcException>(() => AmountArgument.Parse(root.ValueKind == JsonValueKind.Null ? null : root));
        Assert.Equal((RpcErrorCode.TypeError, message), (error.Code, error.Message));
    }
}
