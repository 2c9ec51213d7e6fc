using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin;

namespace Faithcoin.Node.Tests.Notifications;

/// <summary>0.15's unknown-version and unknown-rules warnings over regtest headers, with -alertnotify run through /bin/sh.</summary>
public sealed class UnknownRulesMonitorTests : IDisposable
{
    private const int UnknownBit = 27;
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    private string AlertFile => folder.Combine("alerts.txt");

    private (UnknownRulesMonitor Monitor, NodeWarnings Warnings) Create()
    {
        var commands = new NotifyCommands { AlertNotify = $"echo %s >> {AlertFile}" };
        var warnings = new NodeWarnings(commands, new ShellCommandRunner(NullLogger<ShellCommandRunner>.Instance));
        return (new UnknownRulesMonitor(ChainParams.Regtest, warnings, NullLogger<UnknownRulesMonitor>.Instance), warnings);
    }

    private static IEnumerable<BlockIndexEntry> Chain(int count, int version) => Chain(count, _ => version);

    private static IEnumerable<BlockIndexEntry> Chain(int count, Func<int, int> versionAt)
    {
        var genesis = ChainParams.Regtest.Network.GetGenesis();
        var tip = new BlockIndexEntry(genesis.Header, genesis.GetHash(), null, 0);
        for (var height = 1; height <= count; height++)
        {
            var header = ChainParams.Regtest.Network.Consensus.ConsensusFactory.CreateBlockHeader();
            header.Version = versionAt(height);
            header.HashPrevBlock = tip.HashBlock;
            header.BlockTime = DateTimeOffset.FromUnixTimeSeconds(tip.Time + 150);
            header.Nonce = (uint)height;
            tip = new BlockIndexEntry(header, header.GetHash(), tip, height);
            yield return tip;
        }
    }

    private async Task<string> WaitForAlertsAsync(int lines)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(AlertFile) && File.ReadAllLines(AlertFile).Length >= lines)
            {
                break;
            }

            await Task.Delay(25);
        }

        return File.Exists(AlertFile) ? await File.ReadAllTextAsync(AlertFile) : string.Empty;
    }

    [Fact]
    public async Task UnknownVersionsThenActivatedUnknownRulesRaiseWarningsAndAlertOnce()
    {
        var (monitor, warnings) = Create();
        // Three periods signal the unknown bit (locked in, then active); 100 plain blocks follow, so the
        // unexpected versions fall to 50 of the last 100 and only the activated rules are warned about (as 0.15,
        // the later warning of one tip replaces the earlier).
        var signalling = unchecked(0x20000000 | (1 << UnknownBit));
        var seen = new List<string>();
        foreach (var entry in Chain((3 * 144) + 50, h => h <= 3 * 144 ? signalling : 0x20000000))
        {
            monitor.UpdatedBlockTip(entry, entry.Previous, initialDownload: false);
            if (seen.Count == 0 || seen[^1] != warnings.StatusBar)
            {
                seen.Add(warnings.StatusBar);
            }
        }

        Assert.Equal(
            [string.Empty, UnknownRulesMonitor.UnknownVersionsWarning, $"Warning: unknown new rules activated (versionbit {UnknownBit})"],
            seen);

        // The first warning only, sanitized (no '!' or apostrophe) and single-quoted for the shell.
        Assert.Equal("Warning: Unknown block versions being mined Its possible unknown rules are in effect\n", await WaitForAlertsAsync(1));
    }

    [Fact]
    public async Task ExpectedVersionsAndInitialDownloadRaiseNothing()
    {
        var (monitor, warnings) = Create();
        foreach (var entry in Chain(200, 0x20000000))
        {
            monitor.UpdatedBlockTip(entry, entry.Previous, initialDownload: false);
        }

        foreach (var entry in Chain(200, unchecked(0x20000000 | (1 << UnknownBit))))
        {
            monitor.UpdatedBlockTip(entry, entry.Previous, initialDownload: true);
        }

        Assert.Equal(string.Empty, warnings.StatusBar);
        await Task.Delay(100);
        Assert.False(File.Exists(AlertFile));
    }
}
