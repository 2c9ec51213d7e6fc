using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Storage;
using NBitcoin;
using static Faithcoin.Node.Tests.Chain.RegtestBlockBuilder;

namespace Faithcoin.Node.Tests.Chain;

/// <summary>Competing branches built in the test: the heavier branch wins and the coins follow it exactly.</summary>
public sealed class ReorgTests
{
    private static readonly Block Genesis = ChainParams.Regtest.CreateGenesisBlock();
    private static readonly ChainedHeader GenesisHeader = new(Genesis.Header, Genesis.GetHash(), null);

    [Fact]
    public void HeavierBranchWinsAcrossABlockThatSpentAndCreatedCoins()
    {
        // Trunk: 101 blocks so the first coinbase matures; branch A spends it, branch B (heavier) does not.
        var trunk = Extend(GenesisHeader, 101);
        var trunkTip = Headers(GenesisHeader, trunk)[^1];
        var firstCoinbase = new OutPoint(trunk[0].Transactions[0].GetHash(), 0);
        var value = trunk[0].Transactions[0].Outputs[0].Value.Satoshi;
        var spend = Spend(firstCoinbase, value, 3);
        var a1 = Build(trunkTip, [spend], tag: 1);
        var a2 = Build(HeaderOf(a1, trunkTip), [Spend(new OutPoint(spend.GetHash(), 0), value / 3, 2)], tag: 1);
        var branchB = Extend(trunkTip, 3, tag: 2);

        using var folder = new TempDirectory();
        var notifications = new RecordingNotifications();
        using var node = ChainNode.Open(folder.Combine("a"), null, notifications);
        node.SubmitAll(trunk);
        node.SubmitAll([a1, a2]);
        Assert.Equal(a2.GetHash(), node.Chain.Tip.HashBlock);
        Assert.Null(node.Chain.GetCoin(firstCoinbase));
        Assert.NotNull(node.Chain.GetCoin(new OutPoint(spend.GetHash(), 1)));

        node.SubmitAll(branchB);
        Assert.Equal(branchB[^1].GetHash(), node.Chain.Tip.HashBlock);
        Assert.NotNull(node.Chain.GetCoin(firstCoinbase));
        Assert.Null(node.Chain.GetCoin(new OutPoint(spend.GetHash(), 1)));
        Assert.Equal([a2.GetHash(), a1.GetHash()], notifications.Disconnected);
        Assert.Equal(branchB.Select(b => b.GetHash()), notifications.Connected.TakeLast(3));

        using var witness = ChainNode.Open(folder.Combine("b"));
        witness.SubmitAll(trunk);
        witness.SubmitAll(branchB);
        ChainNode.AssertSameUtxo(witness.Utxo(), node.Utxo());

        // The losing branch is still known and valid; making it heavier brings it back.
        var a3 = Build(HeaderOf(a2, HeaderOf(a1, trunkTip)), tag: 1);
        var a4 = Build(HeaderOf(a3, HeaderOf(a2, HeaderOf(a1, trunkTip))), tag: 1);
        node.SubmitAll([a3, a4]);
        Assert.Equal(a4.GetHash(), node.Chain.Tip.HashBlock);
        Assert.Null(node.Chain.GetCoin(firstCoinbase));
    }

    [Fact]
    public void InvalidBlockFailsItsDescendantsAndTheNextBestCandidateIsChosen()
    {
        var a = Extend(GenesisHeader, 3, tag: 1);
        var aHeaders = Headers(GenesisHeader, a);
        var b2 = Build(aHeaders[0], tag: 2);
        var b3 = Build(HeaderOf(b2, aHeaders[0]), extraCoinbase: 1, tag: 2);
        var b4 = Build(HeaderOf(b3, HeaderOf(b2, aHeaders[0])), tag: 2);
        var b5 = Build(HeaderOf(b4, HeaderOf(b3, HeaderOf(b2, aHeaders[0]))), tag: 2);

        using var folder = new TempDirectory();
        var notifications = new RecordingNotifications();
        using var node = ChainNode.Open(folder.Path, null, notifications);
        node.SubmitAll(a);
        node.SubmitAll([b2, b3, b4]);

        Assert.Equal(a[^1].GetHash(), node.Chain.Tip.HashBlock);
        Assert.True(node.StatusOf(b3).Has(BlockStatus.FailedValid));
        Assert.True(node.StatusOf(b4).Has(BlockStatus.FailedChild));
        Assert.False(node.StatusOf(b2).IsFailed());
        Assert.Equal("bad-cb-amount", notifications.Checked[b3.GetHash()]);

        var refused = node.Submit(b5);
        Assert.False(refused.Accepted);
        Assert.Equal("bad-prevblk", refused.Error!.Reason);
        Assert.Equal("duplicate-invalid", node.Chain.SubmitBlock(b3).Result);
        Assert.Equal("duplicate", node.Chain.SubmitBlock(a[^1]).Result);
    }

    [Fact]
    public void ScriptFailureIsReportedAsBlockValidationFailedWithThreadsAndAsTheScriptErrorWithOne()
    {
        var trunk = Extend(GenesisHeader, 101);
        var tip = Headers(GenesisHeader, trunk)[^1];
        var coinbase = trunk[0].Transactions[0];
        var badSpend = Spend(new OutPoint(coinbase.GetHash(), 0), coinbase.Outputs[0].Value.Satoshi, 1);
        badSpend.Inputs[0].ScriptSig = new Script(OpcodeType.OP_RETURN);
        var bad = Build(tip, [badSpend]);

        foreach (var (threads, expected) in new[] { (2, "block-validation-failed"), (1, "mandatory-script-verify-flag-failed (OP_RETURN was encountered)") })
        {
            using var folder = new TempDirectory();
            using var node = ChainNode.Open(folder.Path, new ChainStateSettings { ScriptThreads = threads, CheckBlockIndex = true });
            node.SubmitAll(trunk);
            Assert.Equal(expected, node.Chain.SubmitBlock(bad).Result);
            Assert.Equal(trunk[^1].GetHash(), node.Chain.Tip.HashBlock);
        }
    }

    [Fact]
    public void InvalidateAndReconsiderBlock()
    {
        var a = Extend(GenesisHeader, 3, tag: 1);
        var aHeaders = Headers(GenesisHeader, a);
        var b2 = Build(aHeaders[0], tag: 2);

        using var folder = new TempDirectory();
        using (var node = ChainNode.Open(folder.Path))
        {
            node.SubmitAll(a);
            node.SubmitAll([b2]);
            Assert.Equal(a[2].GetHash(), node.Chain.Tip.HashBlock);

            node.Chain.InvalidateBlock(a[1].GetHash());
            Assert.Equal(b2.GetHash(), node.Chain.Tip.HashBlock);
            Assert.True(node.StatusOf(a[1]).Has(BlockStatus.FailedValid));
            Assert.True(node.StatusOf(a[2]).Has(BlockStatus.FailedChild));

            node.Chain.InvalidateBlock(b2.GetHash());
            Assert.Equal(a[0].GetHash(), node.Chain.Tip.HashBlock);

            node.Chain.ReconsiderBlock(a[1].GetHash());
            Assert.Equal(a[2].GetHash(), node.Chain.Tip.HashBlock);
            Assert.False(node.StatusOf(a[2]).IsFailed());
            Assert.True(node.StatusOf(b2).IsFailed());
        }

        // The marks are stored: after a restart b2 is still invalid and a3 still the tip.
        using var reopened = ChainNode.Open(folder.Path);
        Assert.Equal(a[2].GetHash(), reopened.Chain.Tip.HashBlock);
        Assert.True(reopened.StatusOf(b2).Has(BlockStatus.FailedValid));
    }

    [Fact]
    public void PreciousBlockSwitchesBetweenEqualWorkTips()
    {
        var a = Extend(GenesisHeader, 2, tag: 1);
        var b = Extend(GenesisHeader, 2, tag: 2);
        using var folder = new TempDirectory();
        using var node = ChainNode.Open(folder.Path);
        node.SubmitAll(a);
        node.SubmitAll(b);
        Assert.Equal(a[1].GetHash(), node.Chain.Tip.HashBlock);

        node.Chain.PreciousBlock(b[1].GetHash());
        Assert.Equal(b[1].GetHash(), node.Chain.Tip.HashBlock);
        node.Chain.PreciousBlock(a[1].GetHash());
        Assert.Equal(a[1].GetHash(), node.Chain.Tip.HashBlock);
    }

    [Fact]
    public void HeadersFirstThenBlocksInAnyOrder()
    {
        var blocks = Extend(GenesisHeader, 6);
        using var folder = new TempDirectory();
        using var node = ChainNode.Open(folder.Path);
        Assert.Null(node.Chain.ProcessNewBlockHeaders(blocks.Select(b => b.Header).ToList(), out _, out var last));
        Assert.Equal(6, last!.Height);
        Assert.Equal(6, node.Chain.BestHeader.Height);

        foreach (var index in new[] { 5, 3, 4, 1, 0, 2 })
        {
            Assert.True(node.Submit(blocks[index]).Accepted);
        }

        Assert.Equal(blocks[^1].GetHash(), node.Chain.Tip.HashBlock);

        var orphan = Build(new ChainedHeader(blocks[0].Header, uint256.One, null));
        var error = node.Chain.ProcessNewBlockHeaders([orphan.Header], out var firstInvalid, out _);
        Assert.Equal("prev-blk-not-found", error!.Reason);
        Assert.Same(orphan.Header, firstInvalid);
    }

    private static List<ChainedHeader> Headers(ChainedHeader start, IEnumerable<Block> blocks)
    {
        var headers = new List<ChainedHeader>();
        var previous = start;
        foreach (var block in blocks)
        {
            previous = HeaderOf(block, previous);
            headers.Add(previous);
        }

        return headers;
    }
}
