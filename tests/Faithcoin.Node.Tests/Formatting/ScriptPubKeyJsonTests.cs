using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Tests.Formatting;

/// <summary>ScriptPubKeyToUniv and Solver: type names, reqSigs and addresses as 0.15 reports them.</summary>
public sealed class ScriptPubKeyJsonTests
{
    private const string CompressedKey = "03d7da18e28d6463ea9b7e93402aec0e122b76a669e04ad12f5f4b913f772751ef";
    private const string OtherKey = "02d2020fd50dab8bcff20124c0c6d05b9bd755da32f79d635b76827eae95f109be";

    [Fact]
    public void PayToPubKeyHash()
    {
        Assert.Equal(
            "{\"asm\":\"OP_DUP OP_HASH160 6616da61e6bca06f0a3255bf359335ff6bb3447d OP_EQUALVERIFY OP_CHECKSIG\"," +
            "\"hex\":\"76a9146616da61e6bca06f0a3255bf359335ff6bb3447d88ac\",\"reqSigs\":1,\"type\":\"pubkeyhash\"," +
            "\"addresses\":[\"mppkbUjL1Dgj9NK8PZBZE5TeZQYXECVBgk\"]}",
            Json("76a9146616da61e6bca06f0a3255bf359335ff6bb3447d88ac"));
    }

    [Fact]
    public void PayToScriptHashUsesTheScript2Prefix()
    {
        Assert.Equal(
            "{\"asm\":\"OP_HASH160 1b003f4af8b80d6e80129e4ed340f69bdd5e8c87 OP_EQUAL\"," +
            "\"hex\":\"a9141b003f4af8b80d6e80129e4ed340f69bdd5e8c8787\",\"reqSigs\":1,\"type\":\"scripthash\"," +
            "\"addresses\":[\"QP4kef3MBbDDKj6rx5XnZYK1YiVFKKmKh4\"]}",
            Json("a9141b003f4af8b80d6e80129e4ed340f69bdd5e8c8787"));
    }

    [Fact]
    public void WitnessProgramsHaveNoAddressesIn015()
    {
        Assert.Equal(
            "{\"asm\":\"0 6616da61e6bca06f0a3255bf359335ff6bb3447d\",\"hex\":\"00146616da61e6bca06f0a3255bf359335ff6bb3447d\",\"type\":\"witness_v0_keyhash\"}",
            Json("00146616da61e6bca06f0a3255bf359335ff6bb3447d"));
        Assert.Equal(
            "{\"asm\":\"0 " + new string('1', 64) + "\",\"hex\":\"0020" + new string('1', 64) + "\",\"type\":\"witness_v0_scripthash\"}",
            Json("0020" + new string('1', 64)));
        Assert.Equal("nonstandard", Type("5114" + new string('1', 40)));
        Assert.Equal("nonstandard", Type("0015" + new string('1', 42)));
    }

    [Fact]
    public void NullData()
    {
        Assert.Equal("{\"asm\":\"OP_RETURN 0102030405\",\"hex\":\"6a050102030405\",\"type\":\"nulldata\"}", Json("6a050102030405"));
        Assert.Equal("nulldata", Type("6a"));
        Assert.Equal("nulldata", Type("6a0051"));
        Assert.Equal("nonstandard", Type("6a76"));
    }

    [Fact]
    public void PayToPubKeyNamesTheKeysAddress()
    {
        Assert.Equal(
            "{\"asm\":\"" + CompressedKey + " OP_CHECKSIG\",\"hex\":\"21" + CompressedKey + "ac\",\"reqSigs\":1,\"type\":\"pubkey\"," +
            "\"addresses\":[\"mppkbUjL1Dgj9NK8PZBZE5TeZQYXECVBgk\"]}",
            Json("21" + CompressedKey + "ac"));
    }

    [Fact]
    public void PayToAnInvalidKeyIsStillPubkeyButHasNoAddress()
    {
        var badKey = "05" + CompressedKey[2..];

        Assert.Equal("{\"asm\":\"" + badKey + " OP_CHECKSIG\",\"hex\":\"21" + badKey + "ac\",\"type\":\"pubkey\"}", Json("21" + badKey + "ac"));
    }

    [Fact]
    public void MultisigListsEveryValidKey()
    {
        var json = Json("51" + "21" + CompressedKey + "21" + OtherKey + "52ae");

        Assert.Equal(
            "{\"asm\":\"1 " + CompressedKey + " " + OtherKey + " 2 OP_CHECKMULTISIG\",\"hex\":\"5121" + CompressedKey + "21" + OtherKey + "52ae\"," +
            "\"reqSigs\":1,\"type\":\"multisig\",\"addresses\":[\"mppkbUjL1Dgj9NK8PZBZE5TeZQYXECVBgk\",\"" +
            new NBitcoin.PubKey(OtherKey).Hash.GetAddress(ChainParams.Regtest.Network) + "\"]}",
            json);
    }

    [Fact]
    public void MultisigWithImpossibleCountsIsNamedButHasNoAddresses()
    {
        // 3-of-2: the shape matches, the counts do not; 0.15 reports the type and nothing else.
        Assert.Equal(
            "{\"asm\":\"3 " + CompressedKey + " " + OtherKey + " 2 OP_CHECKMULTISIG\",\"hex\":\"5321" + CompressedKey + "21" + OtherKey + "52ae\",\"type\":\"multisig\"}",
            Json("53" + "21" + CompressedKey + "21" + OtherKey + "52ae"));
        Assert.Equal("multisig", Type("00" + "21" + CompressedKey + "51ae"));
        Assert.Equal("nonstandard", Type("51" + "21" + CompressedKey + "51" + "76ae"));
    }

    [Fact]
    public void KeysAreMatchedByPushLengthWhateverThePushOpcode()
    {
        // A 33-byte key pushed with OP_PUSHDATA1 still matches the pay-to-pubkey template.
        Assert.Equal("pubkey", Type("4c21" + CompressedKey + "ac"));
        Assert.Equal("nonstandard", Type("20" + CompressedKey[2..] + "ac"));
    }

    [Fact]
    public void OtherScriptsAreNonStandard()
    {
        Assert.Equal("{\"asm\":\"1\",\"hex\":\"51\",\"type\":\"nonstandard\"}", Json("51"));
        Assert.Equal("nonstandard", Type(string.Empty));
        Assert.Equal("nonstandard", Type("76a9146616da61e6bca06f0a3255bf359335ff6bb3447d88ac00"));
    }

    private static string Json(string hex) =>
        WireJson.Of(ScriptPubKeyJson.ToJson(Convert.FromHexString(hex), ChainParams.Regtest.Network));

    private static string Type(string hex) => ScriptTypeNames.Of(ScriptClassifier.Classify(Convert.FromHexString(hex)).Type);
}
