using Faithcoin.P2P.Protocol.Bloom;
using NBitcoin;
using BloomFilter = Faithcoin.P2P.Protocol.Bloom.BloomFilter;

namespace Faithcoin.P2P.Tests.Bloom;

/// <summary>IsRelevantAndUpdate: bloom_tests.cpp's bloom_match cases, and what each update flag adds.</summary>
public sealed class BloomMatchTests
{
    private static readonly uint256 PayingTxid = uint256.Parse("b4749f017444b051c44dfd2720e88f314ff94f3dd6d56d40ef65854fcd7fff6b");
    private static readonly uint256 SpentTxid = uint256.Parse("90c122d70786e899529d71dbeba91ba216982fb6ba58f3bdaab65e73b7e9260b");

    public static TheoryData<string, bool> Elements => new()
    {
        { "6bff7fcd4f8565ef406dd5d63d4ff94f318fe82027fd4dc451b04474019f74b4", true }, // the txid, as serialized
        { "30450220070aca44506c5cef3a16ed519d7c3c39f8aab192c4e1c90d065f37b8a4af6141022100a8e160b856c2d43d27d8fba71e5aef6405b8643ac4cb7cb3c462aced7f14711a01", true }, // input signature
        { "046d11fee51b0e60666d5049a9101a72741df480b96ee26488a4d3466b95c9a40ac5eeef87e10a5cd336c19a84565f80fa6c547957b7700ff4dfbdefe76036c339", true }, // input pubkey
        { "04943fdd508053c75000106d3bc6e2754dbcff19", true }, // first output's address
        { "a266436d2965547608b9e15d9032a7b9d64fa431", true }, // second output's address
        { "0b26e9b7735eb6aabdf358bab62f9816a21ba9ebdb719d5299e88607d722c19000000000", true }, // spent outpoint, serialized
        { "0000006d2965547608b9e15d9032a7b9d64fa431", false },
    };

    [Theory]
    [MemberData(nameof(Elements))]
    public void MatchesTxidScriptPushesAndSpentOutpoints(string element, bool matches)
    {
        var filter = BloomFilter.Create(10, 0.000001, 0, (byte)BloomUpdate.All);
        filter.Insert(BloomVectors.Hex(element));

        Assert.Equal(matches, filter.IsRelevantAndUpdate(BloomVectors.Transaction(BloomVectors.PayingTransaction)));
    }

    [Fact]
    public void MatchesByHashAndOutpointButNotOthers()
    {
        var paying = BloomVectors.Transaction(BloomVectors.PayingTransaction);
        Assert.True(Filter(f => f.Insert(PayingTxid)).IsRelevantAndUpdate(paying));
        Assert.True(Filter(f => f.Insert(new OutPoint(SpentTxid, 0))).IsRelevantAndUpdate(paying));
        Assert.False(Filter(f => f.Insert(uint256.Parse("00000009e784f32f62ef849763d4f45b98e07ba658647343b915ff832b110436"))).IsRelevantAndUpdate(paying));
        Assert.False(Filter(f => f.Insert(new OutPoint(SpentTxid, 1))).IsRelevantAndUpdate(paying));
        Assert.False(Filter(f => f.Insert(new OutPoint(uint256.Parse("000000d70786e899529d71dbeba91ba216982fb6ba58f3bdaab65e73b7e9260b"), 0))).IsRelevantAndUpdate(paying));
    }

    [Theory]
    [InlineData(BloomUpdate.All, true)]
    [InlineData(BloomUpdate.None, false)]
    [InlineData(BloomUpdate.PayToPubKeyOnly, false)]
    public void MatchedPayToPubKeyHashOutputIsAddedOnlyWithUpdateAll(BloomUpdate update, bool spendMatches)
    {
        var filter = BloomFilter.Create(10, 0.000001, 0, (byte)update);
        filter.Insert(BloomVectors.Hex("04943fdd508053c75000106d3bc6e2754dbcff19"));

        Assert.True(filter.IsRelevantAndUpdate(BloomVectors.Transaction(BloomVectors.PayingTransaction)));
        Assert.Equal(spendMatches, filter.Contains(new OutPoint(PayingTxid, 0)));
        Assert.Equal(spendMatches, filter.IsRelevantAndUpdate(BloomVectors.Transaction(BloomVectors.SpendingTransaction)));
    }

    [Theory]
    [InlineData(BloomUpdate.All, true)]
    [InlineData(BloomUpdate.None, false)]
    [InlineData(BloomUpdate.PayToPubKeyOnly, true)]
    public void MatchedPayToPubKeyOutputIsAddedUnlessUpdateNone(BloomUpdate update, bool added)
    {
        var block = BloomVectors.Block(BloomVectors.FourTransactionBlock);
        var payer = block.Transactions[1];
        var filter = BloomFilter.Create(10, 0.000001, 0, (byte)update);
        filter.Insert(BloomVectors.Hex(BloomVectors.FourTransactionBlockPubKey));

        Assert.True(filter.IsRelevantAndUpdate(payer));
        Assert.Equal(added, filter.Contains(new OutPoint(payer.GetHash(), 1)));
        Assert.False(filter.Contains(new OutPoint(payer.GetHash(), 0)));
    }

    [Theory]
    [InlineData("21" + Key33 + "ac", true)] // <pubkey> OP_CHECKSIG
    [InlineData("51" + "21" + Key33 + "51ae", true)] // 1-of-1 multisig
    [InlineData("52" + "21" + Key33 + "51ae", false)] // m > n
    [InlineData("51" + "21" + Key33 + "52ae", false)] // n is not the key count
    [InlineData("00" + "21" + Key33 + "51ae", false)] // m = 0
    [InlineData("20" + Key32 + "ac", false)] // a 32-byte push is no pubkey
    [InlineData("4c21" + Key33 + "ac", true)] // OP_PUSHDATA1 push of a pubkey
    [InlineData("21" + Key33, false)] // no OP_CHECKSIG
    [InlineData("4c", false)] // parse failure
    public void PayToPubKeyAndBareMultisigAreRecognisedAsSolverDoes(string script, bool expected) =>
        Assert.Equal(expected, ScriptOps.IsPayToPubKeyOrMultisig(BloomVectors.Hex(script)));

    [Fact]
    public void ScriptThatStopsParsingMatchesOnlyPushesBeforeTheFault()
    {
        var element = BloomVectors.Hex("aabbccdd");
        var before = new Script(BloomVectors.Hex("04aabbccdd" + "4d"));
        var after = new Script(BloomVectors.Hex("4d0500aabbccdd"));
        var filter = BloomFilter.Create(10, 0.000001, 0, (byte)BloomUpdate.None);
        filter.Insert(element);

        Assert.True(filter.IsRelevantAndUpdate(Paying(before)));
        Assert.False(filter.IsRelevantAndUpdate(Paying(after)));
    }

    private const string Key33 = "03" + Key32;
    private const string Key32 = "1111111111111111111111111111111111111111111111111111111111111111";

    private static Transaction Paying(Script script)
    {
        var tx = Network.Main.CreateTransaction();
        tx.Inputs.Add(new TxIn(new OutPoint(uint256.One, 0)));
        tx.Outputs.Add(new TxOut(Money.Satoshis(1), script));
        return tx;
    }

    private static BloomFilter Filter(Action<BloomFilter> insert)
    {
        var filter = BloomFilter.Create(10, 0.000001, 0, (byte)BloomUpdate.All);
        insert(filter);
        return filter;
    }
}
