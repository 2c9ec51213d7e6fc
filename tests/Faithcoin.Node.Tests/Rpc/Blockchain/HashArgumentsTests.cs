using Faithcoin.Node.Rpc;
using Faithcoin.Node.Rpc.Methods.Blockchain;
using NBitcoin;

namespace Faithcoin.Node.Tests.Rpc.Blockchain;

/// <summary>uint256S's forgiving reading and ParseHashV's strict one.</summary>
public sealed class HashArgumentsTests
{
    private const string Hash = "2f2a3df80323d97e3fc6700da36761482389e5f8982ed2e0425420479e36928d";

    [Theory]
    [InlineData(Hash, Hash)]
    [InlineData(" \t0x" + Hash, Hash)]
    [InlineData(Hash + "xyz", Hash)]
    [InlineData("ff" + Hash, Hash)]
    [InlineData("abc", "0000000000000000000000000000000000000000000000000000000000000abc")]
    [InlineData("nothex", "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("", "0000000000000000000000000000000000000000000000000000000000000000")]
    public void LenientParsingKeepsTheLast64HexDigits(string text, string expected) =>
        Assert.Equal(uint256.Parse(expected), HashArguments.ParseLenient(text));

    [Theory]
    [InlineData("\"abc\"", "parameter 1 must be hexadecimal string (not 'abc')")]
    [InlineData("\"abcd\"", "parameter 1 must be of length 64 (not 4)")]
    [InlineData("5", "parameter 1 must be hexadecimal string (not '')")]
    public void StrictParsingNamesTheParameter(string json, string message)
    {
        using var document = System.Text.Json.JsonDocument.Parse($"[{json}]");
        var parameters = new RpcParameters([document.RootElement[0]]);
        var error = Assert.Throws<RpcException>(() => HashArguments.ParseStrict(parameters, 0, "parameter 1"));
        Assert.Equal(RpcErrorCode.InvalidParameter, error.Code);
        Assert.Equal(message, error.Message);
    }
}
