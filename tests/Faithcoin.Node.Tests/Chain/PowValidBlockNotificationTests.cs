using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using NBitcoin;
using static Faithcoin.Node.Tests.Chain.RegtestBlockBuilder;

namespace Faithcoin.Node.Tests.Chain;

/// <summary>0.15's NewPoWValidBlock: raised from AcceptBlock for new blocks on the tip, before they are connected, outside initial download.</summary>
public sealed class PowValidBlockNotificationTests
{
    private static readonly Block Genesis = ChainParams.Regtest.CreateGenesisBlock();
    private static readonly ChainedHeader GenesisHeader = new(Genesis.Header, Genesis.GetHash(), null);

    // Regtest blocks are dated 2011 onwards; a tip that old would keep the node in initial download.
    private static readonly ChainStateSettings OutOfInitialDownload =
        new() { CheckBlockIndex = true, ScriptThreads = 2, MaxTipAge = TimeSpan.FromDays(365 * 100) };

    [Fact]
    public void ABlockOnTheTipIsReportedBeforeItIsConnected()
    {
        var blocks = Extend(GenesisHeader, 3);
        using var folder = new TempDirectory();
        var notifications = new RecordingNotifications();
        using var node = ChainNode.Open(folder.Path, OutOfInitialDownload, notifications);

        node.SubmitAll(blocks);

        Assert.Equal(blocks.Select(b => (b.GetHash(), false)), notifications.PowValid);
        Assert.Equal(
            blocks.SelectMany(b => new[] { $"pow:{b.GetHash()}", $"connected:{b.GetHash()}" }),
            notifications.Order.Where(e => !e.EndsWith(Genesis.GetHash().ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public void BlocksNotOnTheTipAndBlocksAlreadyStoredAreNotReported()
    {
        var trunk = Extend(GenesisHeader, 2, tag: 1);
        var fork = Build(GenesisHeader, tag: 2);
        using var folder = new TempDirectory();
        var notifications = new RecordingNotifications();
        using var node = ChainNode.Open(folder.Path, OutOfInitialDownload, notifications);
        node.SubmitAll(trunk);
        notifications.PowValid.Clear();

        node.SubmitAll([fork, trunk[^1]]);

        Assert.Equal(trunk[^1].GetHash(), node.Chain.Tip.HashBlock);
        Assert.NotNull(node.Chain.FindBlock(fork.GetHash()));
        Assert.Empty(notifications.PowValid);
    }

    [Fact]
    public void NothingIsReportedDuringInitialDownload()
    {
        var blocks = Extend(GenesisHeader, 2);
        using var folder = new TempDirectory();
        var notifications = new RecordingNotifications();
        using var node = ChainNode.Open(folder.Path, new ChainStateSettings { CheckBlockIndex = true, ScriptThreads = 2 }, notifications);

        node.SubmitAll(blocks);

        Assert.True(node.Chain.IsInitialBlockDownload());
        Assert.Equal(blocks.Select(b => b.GetHash()), notifications.Connected.Skip(1));
        Assert.Empty(notifications.PowValid);
    }
}
