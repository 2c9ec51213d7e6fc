using System.Globalization;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Node.Chain;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Notifications;

/// <summary>
/// The checks 0.15's UpdateTip runs on each new tip outside initial block download: a version bit no known
/// deployment uses that is active ("Warning: unknown new rules activated (versionbit N)") or locked in, and more
/// than half of the last 100 blocks carrying versions this node would not produce. Active rules and the
/// unknown versions raise a <see cref="NodeWarnings"/> warning (and -alertnotify); everything found is logged
/// as 0.15 appends it to the UpdateTip line (warning='...').
/// </summary>
public sealed partial class UnknownRulesMonitor : IChainNotifications
{
    public const string UnknownVersionsWarning = "Warning: Unknown block versions being mined! It's possible unknown rules are in effect";

    private const int VersionBitsCount = 29;
    private const int LastOldBlockVersion = 4;
    private const int CheckedBlocks = 100;

    private readonly Lock gate = new();
    private readonly NodeWarnings warnings;
    private readonly ILogger<UnknownRulesMonitor> logger;
    private readonly VersionBitsStateMachine known;
    private readonly WarningBitsChecker[] checkers;
    private readonly ThresholdConditionCache[] caches;

    public UnknownRulesMonitor(ChainParams chain, NodeWarnings warnings, ILogger<UnknownRulesMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(chain);
        this.warnings = warnings;
        this.logger = logger;
        known = new VersionBitsStateMachine(chain.Consensus, new VersionBitsCache());
        checkers = Enumerable.Range(0, VersionBitsCount).Select(bit => new WarningBitsChecker(bit, chain.Consensus, known)).ToArray();
        caches = Enumerable.Range(0, VersionBitsCount).Select(_ => new ThresholdConditionCache()).ToArray();
    }

    public void UpdatedBlockTip(BlockIndexEntry newTip, BlockIndexEntry? forkPoint, bool initialDownload)
    {
        ArgumentNullException.ThrowIfNull(newTip);
        if (initialDownload)
        {
            return;
        }

        var messages = new List<string>();
        lock (gate)
        {
            for (var bit = 0; bit < VersionBitsCount; bit++)
            {
                var state = checkers[bit].GetStateFor(newTip, caches[bit]);
                if (state is ThresholdState.Active or ThresholdState.LockedIn)
                {
                    var warning = string.Create(CultureInfo.InvariantCulture, $"Warning: unknown new rules activated (versionbit {bit})");
                    if (state == ThresholdState.Active)
                    {
                        warnings.Raise(warning);
                    }
                    else
                    {
                        messages.Add(warning);
                    }
                }
            }

            var upgraded = CountUnexpectedVersions(newTip);
            if (upgraded > 0)
            {
                messages.Add(string.Create(CultureInfo.InvariantCulture, $"{upgraded} of last 100 blocks have unexpected version"));
            }

            if (upgraded > CheckedBlocks / 2)
            {
                warnings.Raise(UnknownVersionsWarning);
            }
        }

        if (messages.Count > 0)
        {
            LogWarnings(logger, newTip.HashBlock.ToString(), string.Join(", ", messages));
        }
    }

    private int CountUnexpectedVersions(ChainedHeader tip)
    {
        var count = 0;
        ChainedHeader? header = tip;
        for (var i = 0; i < CheckedBlocks && header is not null; i++, header = header.Previous)
        {
            var expected = known.ComputeBlockVersion(header.Previous);
            if (header.Version > LastOldBlockVersion && (header.Version & ~expected) != 0)
            {
                count++;
            }
        }

        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "UpdateTip: best={Hash} warning='{Warnings}'")]
    private static partial void LogWarnings(ILogger logger, string hash, string warnings);
}
