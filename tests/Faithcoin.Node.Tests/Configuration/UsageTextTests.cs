using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Tests.Configuration;

public sealed class UsageTextTests
{
    private readonly UsageText usage = new(new OptionCatalog());

    [Fact]
    public void GroupsComeIn015Order()
    {
        var help = usage.Help();
        string[] headings = ["Options:", "Connection options:", "Debugging/Testing options:", "Chain selection options:",
            "Node relay options:", "Block creation options:", "RPC server options:"];
        var positions = headings.Select(h => help.IndexOf("\n" + h + "\n", StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("Wallet options:", help, StringComparison.Ordinal);
    }

    [Fact]
    public void DebugCategoriesAreNamedInTheDebugEntry()
    {
        Assert.Contains(
            "<category> can be: net, tor, mempool, http, bench, zmq, db, rpc, estimatefee, addrman, selectcoins, reindex, cmpctblock, rand, prune, proxy, mempoolrej, libevent, coindb, qt, leveldb.",
            string.Join(' ', usage.Help().Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mocktime")]
    [InlineData("logtimemicros")]
    [InlineData("checkblocks")]
    [InlineData("limitancestorcount")]
    [InlineData("blockversion")]
    public void DebugOnlyOptionsNeedHelpDebug(string name)
    {
        Assert.DoesNotContain($"  -{name}", usage.Help(), StringComparison.Ordinal);
        Assert.Contains($"  -{name}", usage.Help(showDebug: true), StringComparison.Ordinal);
    }
}
