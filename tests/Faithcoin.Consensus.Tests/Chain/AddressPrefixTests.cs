using Faithcoin.Consensus.Chain;
using NBitcoin;
using NBitcoin.DataEncoders;

namespace Faithcoin.Consensus.Tests.Chain;

/// <summary>Base58 and BIP32 prefixes as Litecoin 0.15 uses them: new P2SH prefix on output, both on input.</summary>
public sealed class AddressPrefixTests
{
    private static readonly KeyId SampleKeyId = new("0102030405060708090a0b0c0d0e0f1011121314");
    private static readonly ScriptId SampleScriptId = new("1112131415161718191a1b1c1d1e1f2021222324");

    [Theory]
    [InlineData(FaithcoinChain.Main, 35, 50, 5, 35)]
    [InlineData(FaithcoinChain.Test, 111, 58, 196, 239)]
    [InlineData(FaithcoinChain.Regtest, 111, 58, 196, 239)]
    public void AddressesCarryTheNetworksPrefixes(FaithcoinChain chain, byte pubkey, byte script2, byte legacyScript, byte secret)
    {
        var network = ChainParams.For(chain).Network;
        Assert.Equal(pubkey, Encoders.Base58Check.DecodeData(SampleKeyId.GetAddress(network).ToString())[0]);
        Assert.Equal(script2, Encoders.Base58Check.DecodeData(SampleScriptId.GetAddress(network).ToString())[0]);
        var key = new Key(Convert.FromHexString("0101010101010101010101010101010101010101010101010101010101010101"));
        Assert.Equal(secret, Encoders.Base58Check.DecodeData(key.GetWif(network).ToString())[0]);
        Assert.Equal(legacyScript, ChainParams.For(chain).Base58.ScriptAddress);
    }

    [Theory]
    [InlineData(FaithcoinChain.Main, 'M')]
    [InlineData(FaithcoinChain.Test, 'Q')]
    [InlineData(FaithcoinChain.Regtest, 'Q')]
    public void P2shAddressesAreWrittenWithScript2(FaithcoinChain chain, char first)
    {
        var address = SampleScriptId.GetAddress(ChainParams.For(chain).Network).ToString();
        Assert.Equal(first, address[0]);
    }

    [Theory]
    [InlineData(FaithcoinChain.Main)]
    [InlineData(FaithcoinChain.Test)]
    [InlineData(FaithcoinChain.Regtest)]
    public void LegacyP2shPrefixIsStillAccepted(FaithcoinChain chain)
    {
        var p = ChainParams.For(chain);
        var legacy = Encoders.Base58Check.EncodeData([p.Base58.ScriptAddress, .. SampleScriptId.ToBytes()]);
        var parsed = BitcoinAddress.Create(legacy, p.Network);
        Assert.Equal(SampleScriptId.ScriptPubKey, parsed.ScriptPubKey);
        Assert.Equal(SampleScriptId.GetAddress(p.Network).ToString(), parsed.ToString());
    }

    [Fact]
    public void MainnetPubkeyAddressStartsWithF()
    {
        Assert.StartsWith("F", SampleKeyId.GetAddress(ChainParams.Main.Network).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAddressOfAnotherNetworkIsRefused()
    {
        var testAddress = SampleKeyId.GetAddress(ChainParams.Test.Network).ToString();
        Assert.ThrowsAny<FormatException>(() => BitcoinAddress.Create(testAddress, ChainParams.Main.Network));
    }

    [Theory]
    [InlineData(FaithcoinChain.Main, "ff88b21e", "ff88ade4")]
    [InlineData(FaithcoinChain.Test, "043587cf", "04358394")]
    [InlineData(FaithcoinChain.Regtest, "043587cf", "04358394")]
    public void Bip32Prefixes(FaithcoinChain chain, string xpub, string xprv)
    {
        var network = ChainParams.For(chain).Network;
        var extKey = ExtKey.CreateFromSeed(Convert.FromHexString("000102030405060708090a0b0c0d0e0f"));
        var pub = Encoders.Base58Check.DecodeData(extKey.Neuter().GetWif(network).ToString());
        var priv = Encoders.Base58Check.DecodeData(extKey.GetWif(network).ToString());
        Assert.Equal(xpub, Convert.ToHexString(pub, 0, 4).ToLowerInvariant());
        Assert.Equal(xprv, Convert.ToHexString(priv, 0, 4).ToLowerInvariant());
    }
}
