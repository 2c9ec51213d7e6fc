using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Rpc.Formatting;
using Faithcoin.Node.Tests.Statistics;
using NBitcoin;

namespace Faithcoin.Node.Tests.Formatting;

/// <summary>TxToUniv and getrawtransaction's block fields, on transactions of the fixture chain.</summary>
public sealed class TransactionJsonTests(SliceFixture fixture) : IClassFixture<SliceFixture>
{
    private readonly TransactionJson formatter = new(ChainParams.Regtest);

    [Fact]
    public void CoinbaseShowsItsScriptSigAsHexAndTheCommitmentAsNullData()
    {
        Assert.Equal(ExpectedFixtureJson.CoinbaseOfBlock1, Json(Tx(1, 0), includeHex: true));
    }

    [Fact]
    public void PayToPubKeyHashSpendDecodesTheSignatureHashType()
    {
        Assert.Equal(ExpectedFixtureJson.PayToPubKeyHashSpend, Json(Tx(300, 1), includeHex: true));
    }

    [Fact]
    public void SegwitSpendShowsItsWitnessAndVirtualSize()
    {
        Assert.Equal(ExpectedFixtureJson.NestedSegwitSpend, Json(Tx(435, 1), includeHex: true));
    }

    [Fact]
    public void DecodeRawTransactionFormLeavesOutTheHex()
    {
        Assert.Equal(ExpectedFixtureJson.MultisigSpendWithoutHex, Json(Tx(112, 13), includeHex: false));
    }

    [Fact]
    public void CoinbaseWitnessNonceIsNotShown()
    {
        // 0.15 lists txinwitness only for inputs that spend something.
        Assert.True(Tx(432, 0).HasWitness);
        Assert.Equal(ExpectedFixtureJson.CoinbaseWithWitnessNonce, Json(Tx(432, 0), includeHex: false));
    }

    [Fact]
    public void GetRawTransactionAppendsBlockFieldsAfterTheHex()
    {
        var tx = Tx(300, 1);
        var hash = fixture.Headers[300].HashBlock;
        var plain = Json(tx, includeHex: true)[..^1];

        Assert.Equal(
            plain + ",\"blockhash\":\"" + hash + "\",\"confirmations\":200,\"time\":1795565885,\"blocktime\":1795565885}",
            WireJson.Of(formatter.ToJson(tx, TransactionLocation.InActiveChain(hash, 200, 1795565885))));
        Assert.Equal(
            plain + ",\"blockhash\":\"" + hash + "\",\"confirmations\":0}",
            WireJson.Of(formatter.ToJson(tx, TransactionLocation.OffActiveChain(hash))));
        Assert.Equal(
            plain + ",\"blockhash\":\"" + hash + "\"}",
            WireJson.Of(formatter.ToJson(tx, TransactionLocation.NotIndexed(hash))));
        Assert.Equal(plain + "}", WireJson.Of(formatter.ToJson(tx, location: null)));
    }

    [Fact]
    public void NegativeVersionsAndLargeLockTimesPrintAsTheOriginalsTypes()
    {
        var tx = Tx(300, 1);
        tx.Version = 0xffffffff;
        tx.LockTime = new LockTime(0xfffffffe);

        var json = Json(tx, includeHex: false);

        Assert.Contains("\"version\":-1,", json, StringComparison.Ordinal);
        Assert.Contains("\"locktime\":4294967294,", json, StringComparison.Ordinal);
    }

    private Transaction Tx(int height, int index) => fixture.Block(height).Transactions[index];

    private string Json(Transaction tx, bool includeHex) => WireJson.Of(formatter.ToJson(tx, includeHex));
}
