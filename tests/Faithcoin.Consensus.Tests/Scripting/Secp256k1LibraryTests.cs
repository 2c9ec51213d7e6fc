using Faithcoin.Consensus.Scripting.Secp256k1;
using NBitcoin;
using NBitcoin.Crypto;

namespace Faithcoin.Consensus.Tests.Scripting;

/// <summary>libsecp256k1 comes with the build; where it cannot be loaded the fast path must decline, not fail.</summary>
public sealed class Secp256k1LibraryTests
{
    [Fact]
    public void The_package_s_native_library_is_loaded_on_this_platform()
    {
        Assert.NotNull(Secp256k1Library.Shared);
    }

    [Fact]
    public void A_library_that_cannot_be_loaded_gives_no_verifier()
    {
        Assert.Null(Secp256k1Library.TryLoad("faithcoin-no-such-secp256k1"));
    }

    [Fact]
    public void Without_a_library_even_a_valid_signature_is_left_to_the_interpreter()
    {
        var key = new Key();
        var hash = new uint256(RandomUtils.GetBytes(32));
        var der = key.Sign(hash).ToDER();

        Assert.True(EcdsaVerifier.Verify(Secp256k1Library.Shared, key.PubKey.ToBytes(), der, hash.ToBytes()));
        Assert.False(EcdsaVerifier.Verify(null, key.PubKey.ToBytes(), der, hash.ToBytes()));
    }

    [Fact]
    public void Hybrid_keys_are_left_to_the_interpreter()
    {
        var key = new Key();
        var hash = new uint256(RandomUtils.GetBytes(32));
        var der = key.Sign(hash).ToDER();
        var uncompressed = key.PubKey.Decompress().ToBytes();
        var hybrid = (byte[])uncompressed.Clone();
        hybrid[0] = (byte)(0x06 | (uncompressed[64] & 1));

        Assert.True(EcdsaVerifier.Verify(uncompressed, der, hash.ToBytes()));
        Assert.True(key.PubKey.Verify(hash, new ECDSASignature(der)));
        Assert.False(EcdsaVerifier.Verify(hybrid, der, hash.ToBytes()));
    }
}
