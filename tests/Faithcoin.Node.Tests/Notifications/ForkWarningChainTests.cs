using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin;
using static Faithcoin.Node.Tests.Chain.RegtestBlockBuilder;

namespace Faithcoin.Node.Tests.Notifications;

/// <summary>
/// 0.15's invalid-chain warning through a real ChainManager on RocksDB: regtest blocks are old, so the tip age limit
/// is lifted to leave initial block download, where fork warnings are never checked.
/// </summary>
public sealed class ForkWarningChainTests : IDisposable
{
    private static readonly Block Genesis = ChainParams.Regtest.CreateGenesisBlock();
    private static readonly ChainedHeader GenesisHeader = new(Genesis.Header, Genesis.GetHash(), null);
    private readonly TempDirectory folder = new();
    private readonly NodeWarnings warnings;
    private readonly ChainManager chain;

    public ForkWarningChainTests()
    {
        var commands = new NotifyCommands { AlertNotify = $"echo %s >> {AlertFile}" };
        warnings = new NodeWarnings(commands, new ShellCommandRunner(NullLogger<ShellCommandRunner>.Instance));
        chain = new ChainManager(
            ChainParams.Regtest,
            new ChainStateSettings { CheckBlockIndex = true, ScriptThreads = 2, MaxTipAge = TimeSpan.FromDays(365 * 100) },
            new ChainEvents([]),
            new ChainLog(NullLogger<ChainLog>.Instance),
            TimeProvider.System,
            folder.Combine("chain"),
            forkWarnings: new ForkWarningMonitor(warnings, NullLogger<ForkWarningMonitor>.Instance));
        chain.Load();
    }

    private string AlertFile => folder.Combine("alerts.txt");

    public void Dispose()
    {
        chain.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task InvalidChainMoreThanSixBlocksAheadWarnsUntilTheTipCatchesUp()
    {
        // Trunk M1..M20; branch B1..B10 (heights 11..20) from M10 whose first block pays itself too much. The branch
        // never has more work than the tip while it arrives, so all of it is stored before B1 is tried.
        var trunk = Extend(GenesisHeader, 20);
        var trunkHeaders = Headers(GenesisHeader, trunk);
        var b1 = Build(trunkHeaders[9], extraCoinbase: 1, tag: 1);
        var branch = new List<Block> { b1 };
        branch.AddRange(Extend(HeaderOf(b1, trunkHeaders[9]), 9, tag: 1));
        SubmitAll(trunk);
        SubmitAll(branch);
        Assert.Equal(trunk[^1].GetHash(), chain.Tip.HashBlock);
        Assert.Equal(string.Empty, warnings.StatusBar);

        // invalidateblock M14: the tip falls to M13, the branch (height 20) is tried, B1 fails, and M11..M13 come back.
        // The branch tip, 7 blocks' work over M13, is the best invalid block: more than 6 blocks, so 0.15 warns.
        chain.InvalidateBlock(trunk[13].GetHash());
        Assert.Equal(trunk[12].GetHash(), chain.Tip.HashBlock);
        Assert.Equal(branch[^1].GetHash(), chain.Index.BestInvalid?.HashBlock);
        Assert.True(warnings.LargeWorkInvalidChainFound);
        Assert.False(warnings.LargeWorkForkFound);
        Assert.Equal(NodeWarnings.InvalidChainWarning, warnings.StatusBar);

        // A misc warning does not replace it (0.15's GetWarnings order); its alert is the only one: 0.15 alerts for an
        // invalid chain only once a large-work fork base was ever found.
        warnings.Raise("Warning: something else");
        Assert.Equal(NodeWarnings.InvalidChainWarning, warnings.StatusBar);
        Assert.Equal(["Warning: something else"], await WaitForAlertLinesAsync());

        // One block on M13: the invalid chain is now only 6 blocks ahead and the flag clears.
        Assert.True(chain.ProcessNewBlock(Build(trunkHeaders[12], tag: 3), forceProcessing: true).Accepted);
        Assert.Equal(14, chain.Tip.Height);
        Assert.False(warnings.LargeWorkInvalidChainFound);
        Assert.Equal("Warning: something else", warnings.StatusBar);
    }

    [Fact]
    public void InvalidChainOnlyOneBlockAheadDoesNotWarn()
    {
        // Blocks arriving one by one: the first invalid one is tried as soon as it has more work, and its children are
        // refused, so the best invalid block stays one block ahead.
        var trunk = Extend(GenesisHeader, 12);
        var trunkHeaders = Headers(GenesisHeader, trunk);
        SubmitAll(trunk);
        var bad = Build(trunkHeaders[^1], extraCoinbase: 1, tag: 1);
        chain.ProcessNewBlock(bad, forceProcessing: true);
        Assert.Equal(bad.GetHash(), chain.Index.BestInvalid?.HashBlock);
        Assert.False(warnings.LargeWorkInvalidChainFound);
        Assert.Equal(string.Empty, warnings.StatusBar);
    }

    [Fact]
    public void ValidForkThatDoesNotOvertakeIsNotWarnedAbout()
    {
        // 0.15 only looks for large forks after an activation step met an invalid block, so a valid 9-block fork
        // of equal work raises nothing.
        var trunk = Extend(GenesisHeader, 20);
        var trunkHeaders = Headers(GenesisHeader, trunk);
        SubmitAll(trunk);
        SubmitAll(Extend(trunkHeaders[10], 9, tag: 1));
        Assert.Equal(trunk[^1].GetHash(), chain.Tip.HashBlock);
        Assert.False(warnings.LargeWorkForkFound);
        Assert.Equal(string.Empty, warnings.StatusBar);
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

    private void SubmitAll(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            var result = chain.ProcessNewBlock(block, forceProcessing: true);
            Assert.True(result.Accepted, result.Error?.ToString());
        }
    }

    private async Task<string[]> WaitForAlertLinesAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!File.Exists(AlertFile) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        // Let a second, wrong alert launched earlier land before reading.
        await Task.Delay(200);
        return File.Exists(AlertFile) ? await File.ReadAllLinesAsync(AlertFile) : [];
    }
}
