using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Storage;
using Faithcoin.P2P.Protocol;
using NBitcoin;

namespace Faithcoin.Node.Networking;

/// <summary>
/// The chain manager as the P2P layer sees it (IChainSource). Reads come from the published tip and the block
/// index's own entries without the chain lock; header and block acceptance run on the <see cref="ChainWorker"/>
/// so no socket thread waits on the lock.
/// </summary>
public sealed class ChainSourceAdapter(ChainManager chain, NetworkState state, ChainWorker worker, TimeProvider time) : IChainSource
{
    /// <summary>How stale the initial-download flag may get before a background re-check (it flips without a tip change after an import).</summary>
    private static readonly TimeSpan InitialDownloadRecheck = TimeSpan.FromSeconds(1);

    /// <summary>0.15's nOneMonth: a valid block off the active chain is served only if it is this close to the best header.</summary>
    private static readonly long OneMonthSeconds = (long)TimeSpan.FromDays(30).TotalSeconds;

    private int refreshing;

    public ChainedHeader Tip => chain.Tip;

    public ChainedHeader BestHeader => chain.BestHeader;

    public bool IsInitialBlockDownload
    {
        get
        {
            if (state.InitialDownload && time.GetUtcNow() - state.InitialDownloadCheckedAt > InitialDownloadRecheck
                && Interlocked.Exchange(ref refreshing, 1) == 0)
            {
                // Never on the caller's thread: the check takes the chain lock, which a connecting block holds.
                _ = Task.Run(() =>
                {
                    try
                    {
                        RefreshInitialDownload();
                    }
                    finally
                    {
                        Volatile.Write(ref refreshing, 0);
                    }
                });
            }

            return state.InitialDownload;
        }
    }

    /// <summary>Computes the initial-download flag now (takes the chain lock); the host calls it once before peers arrive.</summary>
    public void RefreshInitialDownload() => state.SetInitialDownload(chain.IsInitialBlockDownload(), time.GetUtcNow());

    public ChainedHeader? FindHeader(uint256 hash) => chain.FindBlock(hash);

    public BlockAvailability GetAvailability(ChainedHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header is not BlockIndexEntry entry)
        {
            entry = chain.FindBlock(header.HashBlock)!;
            if (entry is null)
            {
                return BlockAvailability.None;
            }
        }

        var status = entry.Status;
        var result = BlockAvailability.None;
        if (status.Has(BlockStatus.HaveData))
        {
            result |= BlockAvailability.HaveData;
        }

        if (entry.ChainTransactionCount != 0)
        {
            result |= BlockAvailability.ChainHasData;
        }

        if (status.IsFailed())
        {
            result |= BlockAvailability.Failed;
        }

        // Knowing segwit's state needs the versionbits cache under the chain lock. Claiming it for every block only
        // keeps peers without NODE_WITNESS from serving blocks, which 0.15 does anyway once segwit is active; the
        // other mistake would fetch stripped blocks.
        if (entry.Height > 0)
        {
            result |= BlockAvailability.WitnessActive;
        }

        return result;
    }

    public BlockLocator GetLocator(ChainedHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var hashes = new List<uint256>(32);
        var step = 1;
        for (var walk = header; walk is not null;)
        {
            hashes.Add(walk.HashBlock);
            if (walk.Height == 0)
            {
                break;
            }

            walk = walk.GetAncestor(Math.Max(walk.Height - step, 0));
            if (hashes.Count > 10)
            {
                step *= 2;
            }
        }

        return new BlockLocator { Blocks = hashes };
    }

    public IReadOnlyList<ChainedHeader> GetHeadersAfter(BlockLocator locator, uint256 hashStop, int maxCount)
    {
        ArgumentNullException.ThrowIfNull(locator);
        ArgumentNullException.ThrowIfNull(hashStop);
        var tip = chain.Tip;
        var startHeight = FindFork(locator, tip) + 1;
        if (startHeight > tip.Height || maxCount <= 0)
        {
            return [];
        }

        // Walk back once from the last header wanted instead of a GetAncestor per height.
        var endHeight = (int)Math.Min(tip.Height, (long)startHeight + maxCount - 1);
        var result = new ChainedHeader[endHeight - startHeight + 1];
        ChainedHeader? walk = tip.GetAncestor(endHeight);
        for (var i = result.Length - 1; i >= 0; i--)
        {
            result[i] = walk!;
            walk = walk!.Previous;
        }

        var stop = Array.FindIndex(result, h => h.HashBlock == hashStop);
        return stop >= 0 ? result[..(stop + 1)] : result;
    }

    public async ValueTask<byte[]?> ReadBlockAsync(uint256 hash, CancellationToken cancellationToken)
    {
        var entry = chain.FindBlock(hash);
        if (entry is null || !entry.HaveData)
        {
            return null;
        }

        if (!MayServe(entry) && MayBeConnecting(entry))
        {
            // 0.15's ProcessGetData: a block stored with all its ancestors but not validated may be the one being
            // connected right now, announced early by NewPoWValidBlock; activate first (queued behind that connect).
            await worker.RunAsync(() =>
            {
                chain.ActivateBestChain();
                return true;
            }).ConfigureAwait(false);
        }

        // A plain file read: concurrent with the chain writer, as getblock's.
        return MayServe(entry) ? chain.ReadBlockBytes(entry) : null;
    }

    public async ValueTask<HeadersAcceptResult> AcceptHeadersAsync(PowCheckedHeaders headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return await worker.RunAsync(() =>
        {
            var error = chain.ProcessNewBlockHeaders(headers, out _, out var last, proofOfWorkChecked: true, hashes: headers.Hashes);
            return new HeadersAcceptResult(last, error);
        }).ConfigureAwait(false);
    }

    public async ValueTask<BlockAcceptResult> AcceptBlockAsync(Block block, ReadOnlyMemory<byte>? serialized, bool forceProcessing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(block);
        return await worker.RunAsync(() =>
        {
            // The verdict of connecting comes as a notification (0.15's BlockChecked charges the sender).
            var catcher = new BlockCheckCatcher(block.GetHash());
            ProcessBlockResult result;
            using (chain.Events.Subscribe(catcher))
            {
                result = chain.ProcessNewBlock(block, forceProcessing, serialized);
            }

            if (!result.Accepted)
            {
                return BlockAcceptResult.Rejected(result.Error!);
            }

            return catcher is { Found: true, Error: { } error } ? BlockAcceptResult.Rejected(error) : BlockAcceptResult.Accepted(result.NewBlock);
        }).ConfigureAwait(false);
    }

    /// <summary>FindForkInGlobalIndex: the height of the first locator entry on the active chain, genesis when none is.</summary>
    private int FindFork(BlockLocator locator, BlockIndexEntry tip)
    {
        foreach (var hash in locator.Blocks)
        {
            var entry = chain.FindBlock(hash);
            if (entry is not null && entry.Height <= tip.Height && ReferenceEquals(tip.GetAncestor(entry.Height), entry))
            {
                return entry.Height;
            }
        }

        return 0;
    }

    private static bool MayBeConnecting(BlockIndexEntry entry) =>
        entry.ChainTransactionCount != 0 && !entry.IsValid(BlockStatus.ValidScripts) && entry.IsValid(BlockStatus.ValidTree);

    /// <summary>0.15's getdata rule: blocks on the active chain, or valid ones within a month of the best header.</summary>
    private bool MayServe(BlockIndexEntry entry)
    {
        if (chain.IsInActiveChain(entry))
        {
            return true;
        }

        return entry.IsValid(BlockStatus.ValidScripts) && chain.BestHeader.Time - entry.Time < OneMonthSeconds;
    }
}
