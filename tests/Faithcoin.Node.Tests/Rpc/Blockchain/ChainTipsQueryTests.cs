using Faithcoin.Node.Chain.Queries;
using Faithcoin.Node.Tests.Chain;

namespace Faithcoin.Node.Tests.Rpc.Blockchain;

/// <summary>getchaintips' statuses for branches the RPC tests cannot make by mining alone.</summary>
public sealed class ChainTipsQueryTests
{
    [Fact]
    public void AForkKnownOnlyByItsHeadersIsHeadersOnly()
    {
        using var folder = new TempDirectory();
        using var node = ChainNode.Open(folder.Path);
        var genesis = node.Chain.Tip;
        node.SubmitAll(RegtestBlockBuilder.Extend(genesis, 2));
        var fork = RegtestBlockBuilder.Extend(genesis, 3, tag: 1);
        Assert.Null(node.Chain.ProcessNewBlockHeaders(fork.Select(b => b.Header).ToList(), out _, out _));

        var tips = new ChainTipsQuery(node.Chain).GetTips();

        Assert.Equal(2, tips.Count);
        Assert.Equal((3, 3, "headers-only"), (tips[0].Entry.Height, tips[0].BranchLength, tips[0].Status));
        Assert.Equal((2, 0, "active"), (tips[1].Entry.Height, tips[1].BranchLength, tips[1].Status));
    }
}
