using Faithcoin.P2P.Protocol.Bloom;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin;
using BloomFilter = Faithcoin.P2P.Protocol.Bloom.BloomFilter;

namespace Faithcoin.P2P.Tests.Bloom;

/// <summary>The filter's hash and wire form against Bitcoin Core's hash_tests and bloom_tests figures.</summary>
public sealed class BloomFilterVectorTests
{
    [Theory]
    [InlineData(0x00000000u, 0x00000000u, "")]
    [InlineData(0x6a396f08u, 0xFBA4C795u, "")]
    [InlineData(0x81f16f39u, 0xffffffffu, "")]
    [InlineData(0x514e28b7u, 0x00000000u, "00")]
    [InlineData(0xea3f0b17u, 0xFBA4C795u, "00")]
    [InlineData(0xfd6cf10du, 0x00000000u, "ff")]
    [InlineData(0x16c6b7abu, 0x00000000u, "0011")]
    [InlineData(0x8eb51c3du, 0x00000000u, "001122")]
    [InlineData(0xb4471bf8u, 0x00000000u, "00112233")]
    [InlineData(0xe2301fa8u, 0x00000000u, "0011223344")]
    [InlineData(0xfc2e4a15u, 0x00000000u, "001122334455")]
    [InlineData(0xb074502cu, 0x00000000u, "00112233445566")]
    [InlineData(0x8034d2a0u, 0x00000000u, "0011223344556677")]
    [InlineData(0xb4698defu, 0x00000000u, "001122334455667788")]
    public void MurmurHash3MatchesCore(uint expected, uint seed, string data) =>
        Assert.Equal(expected, MurmurHash3.Hash(seed, BloomVectors.Hex(data)));

    [Theory]
    [InlineData(0u, "03614e9b050000000000000001")]
    [InlineData(2147483649u, "03ce4299050000000100008001")]
    public void ThreeInsertsSerializeAsCore(uint tweak, string expected)
    {
        var filter = BloomFilter.Create(3, 0.01, tweak, (byte)BloomUpdate.All);

        filter.Insert(BloomVectors.Hex("99108ad8ed9bb6274d3980bab5a85c048f0950c8"));
        Assert.True(filter.Contains(BloomVectors.Hex("99108ad8ed9bb6274d3980bab5a85c048f0950c8")));
        Assert.False(filter.Contains(BloomVectors.Hex("19108ad8ed9bb6274d3980bab5a85c048f0950c8")));
        filter.Insert(BloomVectors.Hex("b5a2c786d9ef4658287ced5914b37a1b4aa32eee"));
        filter.Insert(BloomVectors.Hex("b9300670b4c5366e95b2699e8b18bc75e5f729c5"));

        Assert.True(filter.Contains(BloomVectors.Hex("b5a2c786d9ef4658287ced5914b37a1b4aa32eee")));
        Assert.True(filter.Contains(BloomVectors.Hex("b9300670b4c5366e95b2699e8b18bc75e5f729c5")));
        Assert.Equal(expected, Convert.ToHexStringLower(filter.ToBytes()));
    }

    [Fact]
    public void PubKeyAndItsHashSerializeAsCore()
    {
        var pubKey = new BitcoinSecret("5Kg1gnAjaLfKiwhhPpGS3QfRg2m6awQvaj98JCZBZQ5SuS2F15C", Network.Main).PubKey;
        var filter = BloomFilter.Create(2, 0.001, 0, (byte)BloomUpdate.All);

        filter.Insert(pubKey.ToBytes());
        filter.Insert(pubKey.Hash.ToBytes());

        Assert.Equal("038fc16b080000000000000001", Convert.ToHexStringLower(filter.ToBytes()));
    }

    [Fact]
    public void ParsedFilterKeepsWhatWasInsertedAndWritesTheSameBytes()
    {
        var bytes = BloomVectors.Hex("03614e9b050000000000000001");

        var filter = BloomFilter.Parse(bytes);

        Assert.True(filter.Contains(BloomVectors.Hex("99108ad8ed9bb6274d3980bab5a85c048f0950c8")));
        Assert.False(filter.Contains(BloomVectors.Hex("19108ad8ed9bb6274d3980bab5a85c048f0950c8")));
        Assert.Equal(5u, filter.HashFunctions);
        Assert.Equal(BloomUpdate.All, filter.Update);
        Assert.Equal(bytes, filter.ToBytes());
    }

    [Theory]
    [InlineData(36_000, 50u, true)]
    [InlineData(36_001, 50u, false)]
    [InlineData(100, 51u, false)]
    public void SizeConstraintsAre36000BytesAnd50HashFunctions(int size, uint functions, bool allowed)
    {
        var payload = new PayloadWriter().WriteCompactSize((ulong)size).WriteBytes(new byte[size]).WriteUInt32(functions).WriteUInt32(0).WriteByte(0).ToArray();

        Assert.Equal(allowed, BloomFilter.Parse(payload).IsWithinSizeConstraints);
    }

    [Fact]
    public void AllOnesMatchesEverythingAndAllZerosNothing()
    {
        var transaction = BloomVectors.Transaction(BloomVectors.PayingTransaction);
        var full = BloomFilter.Parse(BloomVectors.Hex("02ffff" + "05000000" + "00000000" + "01"));
        var empty = BloomFilter.Parse(BloomVectors.Hex("020000" + "05000000" + "00000000" + "01"));

        Assert.True(full.IsRelevantAndUpdate(transaction));
        Assert.False(empty.IsRelevantAndUpdate(transaction));
        Assert.True(BloomFilter.MatchAll().IsRelevantAndUpdate(transaction));

        // A filter with no bits at all is full, as in 0.15: nothing is hashed into it.
        Assert.True(BloomFilter.Parse(BloomVectors.Hex("00" + "05000000" + "00000000" + "00")).IsRelevantAndUpdate(transaction));
    }

    [Fact]
    public void TruncatedFilterDoesNotParse()
    {
        Assert.Throws<MalformedPayloadException>(() => BloomFilter.Parse(BloomVectors.Hex("05ffff")));
        Assert.Throws<MalformedPayloadException>(() => BloomFilter.Parse(BloomVectors.Hex("01ff0500")));
    }
}
