using Faithcoin.P2P.Protocol.Bloom;
using NBitcoin;
using BloomFilter = Faithcoin.P2P.Protocol.Bloom.BloomFilter;

namespace Faithcoin.P2P.Tests.Bloom;

/// <summary>CMerkleBlock against bloom_tests.cpp: which transactions match per update flag, the tree, the bytes.</summary>
public sealed class MerkleBlockVectorTests
{
    private static readonly uint256 FirstTxid = uint256.Parse("e980fe9f792d014e73b95203dc1335c5f9ce19ac537a419e6df5b47aecb93b70");

    [Theory]
    [InlineData(BloomUpdate.All, new[] { 0, 1, 2, 3 })]
    [InlineData(BloomUpdate.PayToPubKeyOnly, new[] { 0, 1, 2, 3 })]
    [InlineData(BloomUpdate.None, new[] { 0, 1, 3 })]
    public void SpendOfAMatchedPayToPubKeyOutputMatchesUnlessUpdateNone(BloomUpdate update, int[] expected)
    {
        var block = BloomVectors.Block(BloomVectors.FourTransactionBlock);
        var filter = BloomFilter.Create(10, 0.000001, 0, (byte)update);
        filter.Insert(FirstTxid);

        var first = FilteredBlock.Create(block, filter);
        Assert.Equal([FirstTxid], first.Matched.Select(t => t.GetHash()));
        AssertTreeProves(block, first, [0]);

        filter.Insert(BloomVectors.Hex(BloomVectors.FourTransactionBlockPubKey));
        var second = FilteredBlock.Create(block, filter);

        Assert.Equal(block.GetHash(), second.Header.GetHash());
        AssertTreeProves(block, second, expected);
    }

    [Fact]
    public void OneTransactionBlockSerializesAsCore()
    {
        var block = BloomVectors.Block(BloomVectors.OneTransactionBlock);
        var filter = BloomFilter.Create(10, 0.000001, 0, (byte)BloomUpdate.All);
        filter.Insert(uint256.Parse("63194f18be0af63f2c6bc9dc0f777cbefed3d9415c4af83f3ee3a3d669c00cb5"));

        var filtered = FilteredBlock.Create(block, filter);

        AssertTreeProves(block, filtered, [0]);
        Assert.Equal(BloomVectors.OneTransactionMerkleBlock, Convert.ToHexStringLower(filtered.ToBytes()));
    }

    [Fact]
    public void NothingMatchedStillProvesTheRoot()
    {
        var block = BloomVectors.Block(BloomVectors.FourTransactionBlock);
        var filter = BloomFilter.Create(10, 0.000001, 0, (byte)BloomUpdate.All);
        filter.Insert(uint256.One);

        var filtered = FilteredBlock.Create(block, filter);

        Assert.Empty(filtered.Matched);
        AssertTreeProves(block, filtered, []);
    }

    /// <summary>The tree, read back from its wire form, proves the block's merkle root and yields exactly the matched txids.</summary>
    internal static void AssertTreeProves(Block block, FilteredBlock filtered, int[] indexes)
    {
        var expected = indexes.Select(i => block.Transactions[i].GetHash()).ToList();
        Assert.Equal(expected, filtered.Matched.Select(t => t.GetHash()));
        var payload = filtered.ToBytes();
        var merkleBlock = new MerkleBlock();
        merkleBlock.ReadWrite(payload, Network.Main);
        Assert.Equal(block.Header.GetHash(), merkleBlock.Header.GetHash());
        Assert.Equal(block.Header.HashMerkleRoot, merkleBlock.PartialMerkleTree.GetMerkleRoot().Hash);
        Assert.Equal(expected, merkleBlock.PartialMerkleTree.GetMatchedTransactions());
    }
}
