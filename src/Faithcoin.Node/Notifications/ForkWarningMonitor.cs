using Faithcoin.Node.Chain;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Notifications;

/// <summary>
/// 0.15's large-work fork and invalid-chain warnings: a remembered fork of at least 7 blocks' work whose tip is
/// within 72 blocks of ours, or a block found invalid with more than 6 blocks' work over our tip, sets the
/// matching <see cref="NodeWarnings"/> flag; the first large-work fork also runs -alertnotify. Called by the chain
/// manager under its lock, so the remembered fork needs no lock of its own.
/// </summary>
public sealed partial class ForkWarningMonitor(NodeWarnings warnings, ILogger<ForkWarningMonitor> logger) : IForkWarningConditions
{
    // A fork tip this far behind ours is stale (about 3 hours at 2.5-minute blocks if nobody extends it).
    private const int StaleForkBlocks = 72;
    private const int InvalidChainLeadBlocks = 6;

    // Seven blocks is just under 10% of the network's hash rate working on the fork.
    private const int ForkMinimumBlocks = 7;

    private BlockIndexEntry? bestForkTip;

    // As 0.15's pindexBestForkBase, never forgotten: only the tip is dropped when it goes stale.
    private BlockIndexEntry? bestForkBase;

    public void CheckForkWarningConditions(BlockIndexEntry tip, BlockIndexEntry? bestInvalid, bool initialDownload)
    {
        ArgumentNullException.ThrowIfNull(tip);

        // During the initial download forks cannot be judged: the node is not on the network's tip yet.
        if (initialDownload)
        {
            return;
        }

        if (bestForkTip is not null && tip.Height - bestForkTip.Height >= StaleForkBlocks)
        {
            bestForkTip = null;
        }

        if (bestForkTip is null && (bestInvalid is null || bestInvalid.ChainWork <= tip.ChainWork + (Proof(tip) * InvalidChainLeadBlocks)))
        {
            warnings.LargeWorkForkFound = false;
            warnings.LargeWorkInvalidChainFound = false;
            return;
        }

        if (!warnings.LargeWorkForkFound && bestForkBase is not null)
        {
            // 0.15 quotes the message itself; the quotes are stripped before the shell sees it.
            warnings.AlertNotify($"'Warning: Large-work fork detected, forking after block {bestForkBase.HashBlock}'");
        }

        if (bestForkTip is not null && bestForkBase is not null)
        {
            LogLargeFork(logger, bestForkBase.Height, bestForkBase.HashBlock.ToString(), bestForkTip.Height, bestForkTip.HashBlock.ToString());
            warnings.LargeWorkForkFound = true;
        }
        else
        {
            LogInvalidChain(logger);
            warnings.LargeWorkInvalidChainFound = true;
        }
    }

    public void CheckForkWarningConditionsOnNewFork(BlockIndexEntry newForkTip, BlockIndexEntry tip, BlockIndexEntry? bestInvalid, bool initialDownload)
    {
        ArgumentNullException.ThrowIfNull(newForkTip);
        ArgumentNullException.ThrowIfNull(tip);
        var fork = ForkPoint(newForkTip, tip);
        if (fork is not null &&
            (bestForkTip is null || newForkTip.Height > bestForkTip.Height) &&
            newForkTip.ChainWork - fork.ChainWork > Proof(fork) * ForkMinimumBlocks &&
            tip.Height - newForkTip.Height < StaleForkBlocks)
        {
            bestForkTip = newForkTip;
            bestForkBase = fork;
        }

        CheckForkWarningConditions(tip, bestInvalid, initialDownload);
    }

    // The last block the fork shares with the chain ending at tip.
    private static BlockIndexEntry? ForkPoint(BlockIndexEntry newForkTip, BlockIndexEntry tip)
    {
        BlockIndexEntry? fork = newForkTip;
        BlockIndexEntry? longer = tip;
        while (fork is not null && !ReferenceEquals(fork, longer))
        {
            while (longer is not null && longer.Height > fork.Height)
            {
                longer = longer.Previous;
            }

            if (ReferenceEquals(fork, longer))
            {
                break;
            }

            fork = fork.Previous;
        }

        return fork;
    }

    private static System.Numerics.BigInteger Proof(BlockIndexEntry entry) => Consensus.Chain.BlockProof.Of(entry.Header.Bits.ToCompact());

    [LoggerMessage(Level = LogLevel.Information, Message = "CheckForkWarningConditions: Warning: Large valid fork found\n  forking the chain at height {BaseHeight} ({BaseHash})\n  lasting to height {TipHeight} ({TipHash}).\nChain state database corruption likely.")]
    private static partial void LogLargeFork(ILogger logger, int baseHeight, string baseHash, int tipHeight, string tipHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "CheckForkWarningConditions: Warning: Found invalid chain at least ~6 blocks longer than our best chain.\nChain state database corruption likely.")]
    private static partial void LogInvalidChain(ILogger logger);
}
