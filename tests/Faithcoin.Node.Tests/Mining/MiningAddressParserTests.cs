using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Mining;
using Faithcoin.Node.Rpc;
using NBitcoin;
using NBitcoin.DataEncoders;

namespace Faithcoin.Node.Tests.Mining;

/// <summary>generatetoaddress's address: P2PKH or P2SH (either prefix) of the node's network, else -5.</summary>
public sealed class MiningAddressParserTests
{
    private static readonly KeyId SampleKey = new("6616da61e6bca06f0a3255bf359335ff6bb3447d");
    private static readonly ScriptId SampleScript = new("1b003f4af8b80d6e80129e4ed340f69bdd5e8c87");

    [Fact]
    public void PayToPubKeyHash()
    {
        var parser = new MiningAddressParser(ChainParams.Regtest);

        Assert.Equal(SampleKey.ScriptPubKey, parser.ParseCoinbaseScript("mppkbUjL1Dgj9NK8PZBZE5TeZQYXECVBgk"));
    }

    [Fact]
    public void PayToScriptHashWithEitherPrefix()
    {
        var parser = new MiningAddressParser(ChainParams.Regtest);
        var legacy = Encoders.Base58Check.EncodeData([ChainParams.Regtest.Base58.ScriptAddress, .. SampleScript.ToBytes()]);

        Assert.Equal(SampleScript.ScriptPubKey, parser.ParseCoinbaseScript("QP4kef3MBbDDKj6rx5XnZYK1YiVFKKmKh4"));
        Assert.Equal(SampleScript.ScriptPubKey, parser.ParseCoinbaseScript(legacy));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("mppkbUjL1Dgj9NK8PZBZE5TeZQYXECVBgK")]
    public void GarbageIsAnInvalidAddress(string address)
    {
        AssertInvalid(new MiningAddressParser(ChainParams.Regtest), address);
    }

    [Fact]
    public void AnotherNetworksAddressIsInvalid()
    {
        AssertInvalid(new MiningAddressParser(ChainParams.Regtest), SampleKey.GetAddress(ChainParams.Main.Network).ToString());
        AssertInvalid(new MiningAddressParser(ChainParams.Main), "mppkbUjL1Dgj9NK8PZBZE5TeZQYXECVBgk");
    }

    private static void AssertInvalid(MiningAddressParser parser, string address)
    {
        var error = Assert.Throws<RpcException>(() => parser.ParseCoinbaseScript(address));
        Assert.Equal(RpcErrorCode.InvalidAddressOrKey, error.Code);
        Assert.Equal("Error: Invalid address", error.Message);
    }
}
