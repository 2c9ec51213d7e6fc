using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Tests.Formatting;

/// <summary>ScriptToAsmStr as 0.15 prints scripts.</summary>
public sealed class ScriptAsmTests
{
    // A strictly DER-encoded signature from the fixture chain, without its hash type byte.
    private const string Signature =
        "304402203a378f893ec586806c028e80f4aca425ebe7b4594724c337ef2d1aa774097b7f" +
        "02204998059b5b957e689c3e14c13def111a2ab94b21bcdc861bcd1633375aa34781";

    private const string PubKey = "03d7da18e28d6463ea9b7e93402aec0e122b76a669e04ad12f5f4b913f772751ef";

    [Theory]
    [InlineData("76a9146616da61e6bca06f0a3255bf359335ff6bb3447d88ac", "OP_DUP OP_HASH160 6616da61e6bca06f0a3255bf359335ff6bb3447d OP_EQUALVERIFY OP_CHECKSIG")]
    [InlineData("00", "0")]
    [InlineData("4f", "-1")]
    [InlineData("51", "1")]
    [InlineData("60", "16")]
    [InlineData("0102", "2")]
    [InlineData("0181", "-1")]
    [InlineData("0180", "0")]
    [InlineData("02ff00", "255")]
    [InlineData("04ffffffff", "-2147483647")]
    [InlineData("04ffffff7f", "2147483647")]
    [InlineData("4c0100", "0")]
    [InlineData("4c00", "0")]
    [InlineData("4d0200ff7f", "32767")]
    [InlineData("050102030405", "0102030405")]
    [InlineData("b0b1b2b3b9", "OP_NOP1 OP_CHECKLOCKTIMEVERIFY OP_CHECKSEQUENCEVERIFY OP_NOP4 OP_NOP10")]
    [InlineData("50626589", "OP_RESERVED OP_VER OP_VERIF OP_RESERVED1")]
    [InlineData("ba", "OP_UNKNOWN")]
    [InlineData("ff", "OP_INVALIDOPCODE")]
    [InlineData("0501", "[error]")]
    [InlineData("76a90501", "OP_DUP OP_HASH160 [error]")]
    [InlineData("4c", "[error]")]
    [InlineData("4d01", "[error]")]
    [InlineData("", "")]
    public void PrintsOpcodesNumbersAndData(string hex, string expected)
    {
        Assert.Equal(expected, ScriptAsm.ToAsm(Convert.FromHexString(hex)));
    }

    [Theory]
    [InlineData("01", "[ALL]")]
    [InlineData("81", "[ALL|ANYONECANPAY]")]
    [InlineData("02", "[NONE]")]
    [InlineData("82", "[NONE|ANYONECANPAY]")]
    [InlineData("03", "[SINGLE]")]
    [InlineData("83", "[SINGLE|ANYONECANPAY]")]
    public void ScriptSigSignaturesShowTheirHashType(string hashType, string suffix)
    {
        var scriptSig = Convert.FromHexString("47" + Signature + hashType + "21" + PubKey);

        Assert.Equal(Signature + suffix + " " + PubKey, ScriptAsm.ToAsm(scriptSig, attemptSighashDecode: true));
    }

    [Fact]
    public void UndefinedHashTypesStayInTheHex()
    {
        var scriptSig = Convert.FromHexString("47" + Signature + "04");

        Assert.Equal(Signature + "04", ScriptAsm.ToAsm(scriptSig, attemptSighashDecode: true));
    }

    [Fact]
    public void ScriptPubKeysAreNotDecoded()
    {
        var script = Convert.FromHexString("47" + Signature + "01");

        Assert.Equal(Signature + "01", ScriptAsm.ToAsm(script));
    }

    [Fact]
    public void OpReturnDataIsNeverDecoded()
    {
        var script = Convert.FromHexString("6a47" + Signature + "01");

        Assert.Equal("OP_RETURN " + Signature + "01", ScriptAsm.ToAsm(script, attemptSighashDecode: true));
    }

    [Fact]
    public void NonDerPushesStayHex()
    {
        // A redeem script (1-of-2 multisig) is pushed like a signature but is not DER.
        const string redeem = "512102d2020fd50dab8bcff20124c0c6d05b9bd755da32f79d635b76827eae95f109be21020e04eaaddfd3334fcf258e721a7d9dd8dd3c9f586af9fb85d15326d6ce9e564052ae";
        var scriptSig = Convert.FromHexString("00" + "47" + Signature + "01" + "47" + redeem);

        Assert.Equal("0 " + Signature + "[ALL] " + redeem, ScriptAsm.ToAsm(scriptSig, attemptSighashDecode: true));
    }

    [Theory]
    [InlineData(Signature + "01", true)]
    [InlineData("", true)]
    [InlineData("3006020100020100" + "01", true)]
    [InlineData("3006020101020101" + "01", true)]
    [InlineData("3006020181020101" + "01", false)]
    [InlineData("300702020001020101" + "01", false)]
    [InlineData("300702020081020101" + "01", true)]
    [InlineData("3006020101020101" + "00", false)]
    [InlineData("3006020101020101" + "84", false)]
    [InlineData("3106020101020101" + "01", false)]
    public void StrictSignatureEncoding(string hex, bool strict)
    {
        Assert.Equal(strict, SignatureEncoding.IsStrictlyEncoded(Convert.FromHexString(hex)));
    }
}
