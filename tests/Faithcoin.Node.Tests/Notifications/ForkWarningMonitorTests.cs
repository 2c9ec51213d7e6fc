using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin;

namespace Faithcoin.Node.Tests.Notifications;

/// <summary>
/// 0.15's large-work fork rules over regtest index entries: the chain manager reaches this path only after an
/// activation step met an invalid block (as 0.15), so the fork conditions themselves are driven directly here.
/// </summary>
public sealed class ForkWarningMonitorTests : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly NodeWarnings warnings;
    private readonly ForkWarningMonitor monitor;
    private readonly List<BlockIndexEntry> trunk;

    public ForkWarningMonitorTests()
    {
        var commands = new NotifyCommands { AlertNotify = $"echo %s >> {AlertFile}" };
        warnings = new NodeWarnings(commands, new ShellCommandRunner(NullLogger<ShellCommandRunner>.Instance));
        monitor = new ForkWarningMonitor(warnings, NullLogger<ForkWarningMonitor>.Instance);
        var genesis = ChainParams.Regtest.Network.GetGenesis();
        trunk = [new BlockIndexEntry(genesis.Header, genesis.GetHash(), null, 0)];
        trunk.AddRange(Extend(trunk[0], 20, tag: 0));
    }

    private string AlertFile => folder.Combine("alerts.txt");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ForkWithMoreThanSevenBlocksOfWorkWarnsAndAlertsOnceUntilItGoesStale()
    {
        var fork = Extend(trunk[10], 8, tag: 1);
        monitor.CheckForkWarningConditionsOnNewFork(fork[^1], trunk[20], null, initialDownload: false);
        Assert.True(warnings.LargeWorkForkFound);
        Assert.Equal(NodeWarnings.LargeWorkForkWarning, warnings.StatusBar);

        // Checked again (the next tip): still warned, not alerted again.
        monitor.CheckForkWarningConditions(trunk[20], null, initialDownload: false);
        Assert.Equal(NodeWarnings.LargeWorkForkWarning, warnings.StatusBar);
        var alert = Assert.Single(await WaitForAlertLinesAsync());
        Assert.Equal($"Warning: Large-work fork detected, forking after block {trunk[10].HashBlock}", alert);

        // 72 blocks past the fork tip (height 18) it is forgotten and the warning clears.
        var longer = Extend(trunk[20], 70, tag: 0);
        monitor.CheckForkWarningConditions(longer[^2], null, initialDownload: false);
        Assert.True(warnings.LargeWorkForkFound);
        monitor.CheckForkWarningConditions(longer[^1], null, initialDownload: false);
        Assert.False(warnings.LargeWorkForkFound);
        Assert.Equal(string.Empty, warnings.StatusBar);
    }

    [Fact]
    public void ForkOfExactlySevenBlocksOfWorkIsNotEnough()
    {
        var fork = Extend(trunk[10], 7, tag: 1);
        monitor.CheckForkWarningConditionsOnNewFork(fork[^1], trunk[20], null, initialDownload: false);
        Assert.False(warnings.LargeWorkForkFound);
        Assert.Equal(string.Empty, warnings.StatusBar);
    }

    [Fact]
    public void ForkTipSeventyTwoBlocksBehindIsNotRemembered()
    {
        var longer = Extend(trunk[20], 70, tag: 0);
        var fork = Extend(trunk[10], 8, tag: 1);
        monitor.CheckForkWarningConditionsOnNewFork(fork[^1], longer[^1], null, initialDownload: false);
        Assert.False(warnings.LargeWorkForkFound);
    }

    [Fact]
    public void NothingIsCheckedDuringInitialBlockDownload()
    {
        var fork = Extend(trunk[10], 8, tag: 1);
        var invalid = Extend(trunk[20], 7, tag: 2);
        monitor.CheckForkWarningConditionsOnNewFork(fork[^1], trunk[20], invalid[^1], initialDownload: true);
        Assert.Equal(string.Empty, warnings.StatusBar);

        // Once out of it, the remembered fork is warned about and wins over the invalid chain.
        monitor.CheckForkWarningConditions(trunk[20], invalid[^1], initialDownload: false);
        Assert.Equal(NodeWarnings.LargeWorkForkWarning, warnings.StatusBar);
    }

    [Fact]
    public void InvalidChainNeedsMoreThanSixBlocksOfWorkOverTheTip()
    {
        var invalid = Extend(trunk[20], 7, tag: 2);
        monitor.CheckForkWarningConditions(trunk[20], invalid[^2], initialDownload: false);
        Assert.False(warnings.LargeWorkInvalidChainFound);
        monitor.CheckForkWarningConditions(trunk[20], invalid[^1], initialDownload: false);
        Assert.True(warnings.LargeWorkInvalidChainFound);
        Assert.Equal(NodeWarnings.InvalidChainWarning, warnings.StatusBar);
        monitor.CheckForkWarningConditions(trunk[20], null, initialDownload: false);
        Assert.Equal(string.Empty, warnings.StatusBar);
    }

    private static List<BlockIndexEntry> Extend(BlockIndexEntry start, int count, int tag)
    {
        var entries = new List<BlockIndexEntry>();
        var tip = start;
        for (var i = 0; i < count; i++)
        {
            var header = ChainParams.Regtest.Network.Consensus.ConsensusFactory.CreateBlockHeader();
            header.Version = 0x20000000;
            header.HashPrevBlock = tip.HashBlock;
            header.BlockTime = DateTimeOffset.FromUnixTimeSeconds(tip.Time + 150);
            header.Bits = new Target(0x207fffff);
            header.Nonce = (uint)((tag << 16) | i);
            tip = new BlockIndexEntry(header, header.GetHash(), tip, tip.Height + 1);
            entries.Add(tip);
        }

        return entries;
    }

    private async Task<string[]> WaitForAlertLinesAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!File.Exists(AlertFile) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        // Let a second, wrong alert launched moments later land before reading.
        await Task.Delay(200);
        return File.Exists(AlertFile) ? await File.ReadAllLinesAsync(AlertFile) : [];
    }
}
