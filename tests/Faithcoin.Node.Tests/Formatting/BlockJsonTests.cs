using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Rpc.Formatting;
using Faithcoin.Node.Tests.Statistics;

namespace Faithcoin.Node.Tests.Formatting;

/// <summary>blockToJSON and blockheaderToJSON on blocks of the fixture chain.</summary>
public sealed class BlockJsonTests(SliceFixture fixture) : IClassFixture<SliceFixture>
{
    private readonly TransactionJson transactions = new(ChainParams.Regtest);

    [Fact]
    public void VerbosityOneListsTransactionIds()
    {
        Assert.Equal(ExpectedFixtureJson.Block1, BlockText(1, 499, fixture.Headers[2].HashBlock));
    }

    [Fact]
    public void GenesisHasNoPreviousBlock()
    {
        Assert.Equal(ExpectedFixtureJson.Genesis, BlockText(0, 500, fixture.Headers[1].HashBlock));
    }

    [Fact]
    public void SegwitBlockHasDifferentStrippedSizeSizeAndWeight()
    {
        Assert.Equal(ExpectedFixtureJson.Block432, BlockText(432, 68, fixture.Headers[433].HashBlock));
    }

    [Fact]
    public void VerbosityTwoEmbedsEachTransactionWithItsHex()
    {
        var block = fixture.Block(435);
        var json = new BlockJson(transactions).ToJson(block, fixture.Headers[435], 65, null, transactionDetails: true);

        var listed = json["tx"]!.AsArray();
        Assert.Equal(block.Transactions.Count, listed.Count);
        for (var i = 0; i < listed.Count; i++)
        {
            Assert.Equal(WireJson.Of(transactions.ToJson(block.Transactions[i], includeHex: true)), WireJson.Of(listed[i]!));
        }

        Assert.Equal(ExpectedFixtureJson.NestedSegwitSpend, WireJson.Of(listed[1]!));
        Assert.DoesNotContain("nextblockhash", WireJson.Of(json), StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderInTheActiveChain()
    {
        Assert.Equal(
            ExpectedFixtureJson.Header1,
            WireJson.Of(BlockHeaderJson.ToJson(fixture.Headers[1], 499, fixture.Headers[2].HashBlock)));
    }

    [Fact]
    public void HeaderOffTheActiveChain()
    {
        Assert.Equal(ExpectedFixtureJson.Header499OffChain, WireJson.Of(BlockHeaderJson.ToJson(fixture.Headers[499], -1, null)));
    }

    [Theory]
    [InlineData(0x20000000, "20000000")]
    [InlineData(0x30000003, "30000003")]
    [InlineData(1, "00000001")]
    [InlineData(-1, "ffffffff")]
    public void VersionHexIsEightDigits(int version, string expected)
    {
        Assert.Equal(expected, BlockHeaderJson.VersionHex(version));
    }

    private string BlockText(int height, int confirmations, NBitcoin.uint256? next) =>
        WireJson.Of(new BlockJson(transactions).ToJson(fixture.Block(height), fixture.Headers[height], confirmations, next, transactionDetails: false));
}
