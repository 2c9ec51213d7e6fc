using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Storage;
using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// Moves the active chain to the most-work valid candidate (0.15's ActivateBestChain, FindMostWorkChain,
/// ActivateBestChainStep, ConnectTip and DisconnectTip): disconnects back to the fork with undo data, connects
/// forward, and when a block fails marks it and its descendants failed and tries the next candidate.
/// </summary>
internal sealed class ChainActivator
{
    /// <summary>Core connects at most this many blocks toward the target before looking again.</summary>
    private const int ConnectWindow = 32;

    private readonly ChainState state;
    private readonly BlockConnector connector;
    private readonly BlockConnector checkedConnector;
    private readonly ScriptVerifier scripts;
    private readonly FailedBlockMarker failures;
    private readonly ChainFlusher flusher;

    public ChainActivator(ChainState state, BlockConnector connector, BlockConnector checkedConnector, ScriptVerifier scripts, FailedBlockMarker failures, ChainFlusher flusher)
    {
        this.state = state;
        this.connector = connector;
        this.checkedConnector = checkedConnector;
        this.scripts = scripts;
        this.failures = failures;
        this.flusher = flusher;
    }

    /// <summary>
    /// One round of ActivateBestChain's loop: pick the best candidate and move toward it. Returns false when there
    /// is nothing more to do. <paramref name="justReceived"/> saves reading a block that was just accepted.
    /// </summary>
    public bool Step(Block? justReceived, PendingNotifications events)
    {
        var mostWork = FindMostWorkChain();
        var oldTip = state.Active.Tip;
        if (mostWork is null || ReferenceEquals(mostWork, oldTip))
        {
            return false;
        }

        var block = justReceived is not null && justReceived.GetHash() == mostWork.HashBlock ? justReceived : null;
        var failedBatchStart = StepToward(mostWork, block, events);
        CheckForkWarnings(failedBatchStart);
        var newTip = state.Active.Tip;
        if (!ReferenceEquals(newTip, oldTip) && newTip is not null)
        {
            events.UpdatedBlockTip(newTip, state.Active.FindFork(oldTip), state.IsInitialBlockDownload());
        }

        return true;
    }

    /// <summary>FindMostWorkChain: the best candidate whose path from the active chain is all valid and stored.</summary>
    public BlockIndexEntry? FindMostWorkChain()
    {
        var candidates = state.Index.Candidates;
        while (true)
        {
            if (candidates.Count == 0)
            {
                return null;
            }

            var best = candidates.Max!;
            var test = best;
            var usable = true;
            while (test is not null && !state.Active.Contains(test))
            {
                var failed = test.IsFailed;
                var missingData = !test.HaveData;
                if (failed || missingData)
                {
                    if (failed && (state.Index.BestInvalid is null || best.ChainWork > state.Index.BestInvalid.ChainWork))
                    {
                        state.Index.BestInvalid = best;
                    }

                    for (var walk = best; !ReferenceEquals(walk, test); walk = walk!.Previous)
                    {
                        if (failed)
                        {
                            walk!.Status |= BlockStatus.FailedChild;
                            state.Index.MarkDirty(walk);
                        }
                        else if (walk!.Previous is not null)
                        {
                            state.Index.AddUnlinked(walk.Previous, walk);
                        }

                        candidates.Remove(walk);
                    }

                    candidates.Remove(test);
                    usable = false;
                    break;
                }

                test = test.Previous;
            }

            if (usable)
            {
                return best;
            }
        }
    }

    /// <summary>PruneBlockIndexCandidates: drop candidates worse than the tip; the tip stays.</summary>
    public void PruneCandidates()
    {
        var tip = state.Active.Tip;
        if (tip is null)
        {
            return;
        }

        var candidates = state.Index.Candidates;
        while (candidates.Count > 0 && BlockIndexWorkComparer.Instance.IsWorse(candidates.Min!, tip))
        {
            candidates.Remove(candidates.Min!);
        }
    }

    /// <summary>Disconnects the tip, restoring the coins it spent (DisconnectTip).</summary>
    public void DisconnectTip(PendingNotifications events)
    {
        var tip = state.Active.Tip ?? throw new InvalidOperationException("There is no tip to disconnect.");
        var block = state.Store.ReadBlock(tip);
        var undo = state.Store.ReadUndo(tip);
        var view = new CoinsViewCache(state.Coins.Cache);
        if (view.BestBlock != tip.HashBlock)
        {
            throw new InvalidOperationException($"The coins are at {view.BestBlock}, not at the tip {tip.HashBlock}.");
        }

        var result = connector.DisconnectBlock(block, tip.Height, undo, view);
        if (result != DisconnectResult.Ok)
        {
            throw new StorageCorruptionException(state.Store.Database.Path, $"disconnecting block {tip.HashBlock} gave {result}; the coins do not match the block and its undo data");
        }

        view.Flush();
        flusher.FlushIfNeeded();
        UpdateTip(tip.Previous);
        events.BlockDisconnected(block, tip);
    }

    // 0.15's ActivateBestChainStep ending: after an invalid block, the fork check on the lowest block of the batch
    // being connected (vpindexToConnect.back()); otherwise the plain check.
    private void CheckForkWarnings(BlockIndexEntry? failedBatchStart)
    {
        if (failedBatchStart is not null && state.ForkWarnings is not null && state.Active.Tip is { } tip)
        {
            state.ForkWarnings.CheckForkWarningConditionsOnNewFork(failedBatchStart, tip, state.Index.BestInvalid, state.IsInitialBlockDownload());
        }
        else if (failedBatchStart is null)
        {
            state.CheckForkWarnings();
        }
    }

    /// <summary>Returns the lowest block of the batch in which a block failed to connect, null when none failed.</summary>
    private BlockIndexEntry? StepToward(BlockIndexEntry mostWork, Block? mostWorkBlock, PendingNotifications events)
    {
        var oldTip = state.Active.Tip;
        var fork = state.Active.FindFork(mostWork);
        while (state.Active.Tip is not null && !ReferenceEquals(state.Active.Tip, fork))
        {
            DisconnectTip(events);
        }

        var height = fork?.Height ?? -1;
        while (height != mostWork.Height)
        {
            var target = Math.Min(height + ConnectWindow, mostWork.Height);
            var toConnect = new List<BlockIndexEntry>(target - height);
            for (var walk = mostWork.GetAncestor(target); walk is not null && walk.Height != height; walk = walk.Previous)
            {
                toConnect.Add(walk);
            }

            height = target;
            for (var i = toConnect.Count - 1; i >= 0; i--)
            {
                var entry = toConnect[i];
                if (!ConnectTip(entry, ReferenceEquals(entry, mostWork) ? mostWorkBlock : null, events))
                {
                    // Another candidate may now be best; the caller looks again.
                    return toConnect[^1];
                }

                PruneCandidates();
                if (oldTip is null || state.Active.Tip!.ChainWork > oldTip.ChainWork)
                {
                    // Better than where this step started: hand back so notifications go out between blocks.
                    return null;
                }
            }
        }

        return null;
    }

    /// <summary>ConnectTip: validates the block against the coins and makes it the tip; false when it is invalid.</summary>
    private bool ConnectTip(BlockIndexEntry entry, Block? block, PendingNotifications events)
    {
        // A block passed in was checked when it was accepted moments ago (0.15's fChecked); one read back from disk
        // is checked again, as 0.15 does with every block it reads.
        var timings = state.Timings;
        var started = ChainTimings.Now();
        var blockConnector = block is null ? connector : checkedConnector;
        block ??= state.Store.ReadBlock(entry);
        var context = BlockRuleContext.From(entry.Previous, state.RuleSets.ForNextBlock(entry.Previous, entry.Time));
        var view = new CoinsViewCache(state.Coins.Cache);
        var result = blockConnector.ConnectBlock(block, context, view, verifyScripts: !AssumedValid(entry));
        started = timings.Add(ChainPhase.Connect, started);
        var error = result.Error ?? scripts.Verify(result.ScriptChecks);
        started = timings.Add(ChainPhase.Scripts, started);
        events.BlockChecked(block, error);
        if (error is not null)
        {
            if (!error.CorruptionPossible)
            {
                failures.InvalidBlockFound(entry, error);
            }

            state.Log.Failure($"ConnectTip(): ConnectBlock {entry.HashBlock} failed, {error}");
            state.CommitIndex(WriteDurability.SurvivesProcessCrash);
            return false;
        }

        view.Flush();
        entry.RaiseValidity(BlockStatus.ValidScripts);
        entry.Status |= BlockStatus.HaveUndo;
        state.Index.MarkDirty(entry);
        state.CommitIndex(WriteDurability.SurvivesProcessCrash, entry, result.Undo);
        UpdateTip(entry);
        flusher.FlushIfNeeded();
        timings.Add(ChainPhase.Commit, started);
        events.BlockConnected(block, entry);
        return true;
    }

    /// <summary>0.15's assumevalid: skip scripts of an ancestor of the assumed-valid block that is also on the best header chain.</summary>
    private bool AssumedValid(BlockIndexEntry entry)
    {
        var hash = state.Settings.AssumeValid;
        if (hash is null)
        {
            return false;
        }

        var assumed = state.Index.Find(hash);
        var bestHeader = state.Index.BestHeader;
        return assumed is not null && bestHeader is not null &&
               ReferenceEquals(assumed.GetAncestor(entry.Height), entry) &&
               ReferenceEquals(bestHeader.GetAncestor(entry.Height), entry) &&
               bestHeader.ChainWork >= new System.Numerics.BigInteger(state.Params.Consensus.MinimumChainWork.ToBytes(), isUnsigned: true);
    }

    private void UpdateTip(BlockIndexEntry? tip)
    {
        state.Active.SetTip(tip);
        state.PublishTip();
        if (tip is not null)
        {
            state.Log.UpdateTip(tip, VerificationProgress.Guess(tip, state.NowSeconds), state.Coins.EstimatedBytes, state.Coins.Cache.CachedCount);
        }
    }
}
