using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Validation;
using Faithcoin.Node.ChainView;
using Faithcoin.Node.Storage;
using NBitcoin;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// The single writer of the chain state: blocks and headers come in through it, it moves the active chain, and it
/// owns the coins cache and the storage. Every change happens under one lock (Core's cs_main); notifications go
/// out after the lock is released. Readers use the published tip (<see cref="Tip"/>, a consistent snapshot whose
/// ancestors never change) without the lock; coin reads take it briefly.
/// </summary>
public sealed class ChainManager : IChainView, IDisposable
{
    private readonly Lock writer = new();
    private readonly ChainParams chainParams;
    private readonly ChainStateSettings settings;
    private readonly ChainEvents events;
    private readonly ChainLog log;
    private readonly TimeProvider time;
    private readonly string chainFolder;
    private readonly ChainStateOptions? tuning;
    private readonly IForkWarningConditions? forkWarnings;
    private ChainState? state;
    private BlockAcceptor? acceptor;
    private ChainActivator? activator;
    private FailedBlockMarker? failures;
    private ChainFlusher? flusher;
    private BlockIndexChecker? checker;
    private int lastPreciousSequenceId = -1;
    private System.Numerics.BigInteger lastPreciousChainWork;
    private bool disposed;

    public ChainManager(
        ChainParams chainParams,
        ChainStateSettings settings,
        ChainEvents events,
        ChainLog log,
        TimeProvider time,
        string chainFolder,
        ChainStateOptions? tuning = null,
        IForkWarningConditions? forkWarnings = null)
    {
        ArgumentNullException.ThrowIfNull(chainParams);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(chainFolder);
        this.chainParams = chainParams;
        this.settings = settings;
        this.events = events;
        this.log = log;
        this.time = time;
        this.chainFolder = chainFolder;
        this.tuning = tuning;
        this.forkWarnings = forkWarnings;
    }

    public ChainParams ChainParams => chainParams;

    public ChainStateSettings Settings => settings;

    public ChainEvents Events => events;

    public bool IsLoaded => state is not null;

    /// <summary>The active chain's tip as last published; its ancestors are the active chain at that moment.</summary>
    public BlockIndexEntry Tip => State.PublishedTip ?? throw new InvalidOperationException("The chain has no tip yet.");

    ChainedHeader IChainView.Tip => Tip;

    /// <summary>The most-work valid header known (pindexBestHeader); may be ahead of the tip.</summary>
    public BlockIndexEntry BestHeader => State.Index.BestHeader ?? Tip;

    ChainedHeader IChainView.BestHeader => BestHeader;

    public BlockIndex Index => State.Index;

    /// <summary>Time spent per phase by the chain thread since start (logged after each imported file).</summary>
    public ChainTimings Timings => State.Timings;

    /// <summary>The block storage, for reading blocks by position and for the importer.</summary>
    public ChainStore Store => State.Store;

    internal ChainState InternalState => State;

    private ChainState State => state ?? throw new InvalidOperationException("The chain state is not loaded yet.");

    /// <summary>
    /// Opens storage, loads the block index, writes genesis on a new chain and connects it; the rest of the best
    /// chain is connected by <see cref="ActivateBestChain"/> (run it in the background, as 0.15's ThreadImport).
    /// </summary>
    public void Load()
    {
        lock (writer)
        {
            if (state is not null)
            {
                throw new InvalidOperationException("The chain state is already loaded.");
            }

            var store = ChainStore.Open(chainFolder, chainParams, tuning, settings.Reindex, settings.MaxBlockFileSize);
            try
            {
                if (settings.Reindex)
                {
                    store.SetReindexing(true);
                }

                CheckPruneState(store);
                if (settings.ReindexChainState)
                {
                    log.Message("Wiping the chain state for -reindex-chainstate");
                    store.Database.ClearChainState();
                }

                if (store.Database.GetHeadBlocks() is not null)
                {
                    throw new StorageCorruptionException(store.Database.Path, "a multi-batch coins flush was interrupted, which this version never starts");
                }

                var loaded = new ChainState(chainParams, settings, store, log, time) { ForkWarnings = forkWarnings };
                Compose(loaded);
                new BlockIndexLoader(loaded).Load();
                SetCoinsTip(loaded);
                state = loaded;
            }
            catch
            {
                state = null;
                store.Dispose();
                throw;
            }
        }

        EnsureGenesis();
        log.Message($"Loaded block index: {State.Index.Count} entries, best header {BestHeader.HashBlock} at {BestHeader.Height}, tip {Tip.HashBlock} at {Tip.Height}");
    }

    /// <summary>True while -reindex has not finished reading the block files.</summary>
    public bool IsReindexing => State.Store.Database.IsReindexing();

    public bool IsInitialBlockDownload()
    {
        lock (writer)
        {
            return State.IsInitialBlockDownload();
        }
    }

    public ChainedHeader? GetBlockAtHeight(int height) => Tip.GetAncestor(height);

    /// <summary>The index entry of a block on any branch (mapBlockIndex.find), or null.</summary>
    public BlockIndexEntry? FindBlock(uint256 hash) => State.Index.Find(hash);

    /// <summary>True when <paramref name="entry"/> is on the active chain as of the published tip.</summary>
    public bool IsInActiveChain(BlockIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ReferenceEquals(Tip.GetAncestor(entry.Height), entry);
    }

    /// <summary>Reads a stored block (getblock); null when the block's data is not stored (or was just pruned).</summary>
    public Block? ReadBlock(BlockIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            return entry.HaveData ? State.Store.ReadBlock(entry) : null;
        }
        catch (Exception e) when (e is StorageCorruptionException or InvalidOperationException && !entry.HaveData)
        {
            return null;
        }
    }

    /// <summary>The serialized block exactly as stored (getblock verbosity 0); null when not stored (or just pruned).</summary>
    public byte[]? ReadBlockBytes(BlockIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            return entry.HaveData ? State.Store.ReadBlockBytes(entry) : null;
        }
        catch (Exception e) when (e is StorageCorruptionException or InvalidOperationException && !entry.HaveData)
        {
            return null;
        }
    }

    /// <summary>fHavePruned: some block files have been deleted.</summary>
    public bool HavePruned => State.Store.Database.HavePruned();

    /// <summary>
    /// pruneblockchain (0.15's PruneBlockFilesManual): flushes, then deletes the block files whose blocks are all at
    /// or below <paramref name="height"/> and below the last 288 blocks.
    /// </summary>
    public void PruneBlockFilesManual(int height)
    {
        lock (writer)
        {
            flusher!.FlushAndPrune(height);
        }
    }

    /// <summary>An unspent output of the active chain's UTXO set (pcoinsTip), or null.</summary>
    public Coin? GetCoin(OutPoint outpoint)
    {
        lock (writer)
        {
            return State.Coins.Cache.GetCoin(outpoint);
        }
    }

    /// <summary>
    /// Flushes the coins and returns a frozen snapshot of the UTXO set in key order with its best block
    /// (gettxoutsetinfo). Dispose the snapshot when done; the chain goes on meanwhile.
    /// </summary>
    public CoinsSnapshot OpenCoinsSnapshot()
    {
        lock (writer)
        {
            flusher!.Flush();
            return State.Store.Database.OpenCoinsSnapshot();
        }
    }

    /// <summary>Runs <paramref name="read"/> under the writer lock, for reads that need several parts to agree (versionbits, chain tips).</summary>
    public T ReadLocked<T>(Func<ChainReadContext, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (writer)
        {
            var current = State;
            return read(new ChainReadContext(current.Index, current.Active, current.RuleSets, current.VersionBitsCache, current.Coins.Cache));
        }
    }

    /// <summary>
    /// ProcessNewBlockHeaders: accepts headers in order; stops at the first invalid one, returning its error and
    /// header. <paramref name="last"/> is the entry of the last accepted header. <paramref name="proofOfWorkChecked"/>
    /// skips the scrypt hash when the caller (the P2P layer's batch checker) has already checked it.
    /// </summary>
    public ValidationError? ProcessNewBlockHeaders(IReadOnlyList<BlockHeader> headers, out BlockHeader? firstInvalid, out BlockIndexEntry? last, bool proofOfWorkChecked = false, IReadOnlyList<uint256>? hashes = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        firstInvalid = null;
        last = null;
        lock (writer)
        {
            try
            {
                for (var i = 0; i < headers.Count; i++)
                {
                    var header = headers[i];
                    var error = acceptor!.AcceptHeader(header, hashes?[i] ?? header.GetHash(), out var entry, proofOfWorkChecked);
                    if (error is not null)
                    {
                        firstInvalid = header;
                        return error;
                    }

                    last = entry;
                }
            }
            finally
            {
                State.CommitIndex(WriteDurability.SurvivesProcessCrash);
                CheckIndex();
            }
        }

        return null;
    }

    /// <summary>
    /// ProcessNewBlock: checks the block, stores it (durable against a killed process when this returns) and moves
    /// the chain. <paramref name="forceProcessing"/> is 0.15's fForceProcessing (RPC, -loadblock and requested
    /// blocks). <paramref name="serialized"/> saves re-serializing a block read from bytes;
    /// <paramref name="knownPosition"/> is for -reindex, where the block is already in a block file.
    /// </summary>
    public ProcessBlockResult ProcessNewBlock(Block block, bool forceProcessing, ReadOnlyMemory<byte>? serialized = null, BlockFilePosition? knownPosition = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        var hash = block.GetHash();
        var pending = new PendingNotifications();
        ProcessBlockResult result;
        var timings = State.Timings;
        var started = ChainTimings.Now();
        var checkError = acceptor!.CheckBlock(block);
        started = timings.Add(ChainPhase.Check, started);
        lock (writer)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var error = checkError;
            BlockIndexEntry? entry = null;
            var newBlock = false;
            if (error is null)
            {
                error = acceptor.AcceptBlock(block, hash, serialized, forceProcessing, knownPosition, out entry, out newBlock);
            }

            timings.Add(ChainPhase.Accept, started);
            CheckIndex();
            if (error is not null)
            {
                pending.BlockChecked(block, error);
                log.Failure($"ProcessNewBlock: AcceptBlock FAILED ({error})");
            }
            else if (newBlock && ReferenceEquals(entry!.Previous, State.Active.Tip) && !State.IsInitialBlockDownload())
            {
                // As 0.15's AcceptBlock: a block building on the tip may be relayed now, before it is connected;
                // one that does not is left to the announcement after the tip moves.
                pending.NewPoWValidBlock(block, entry);
            }

            result = new ProcessBlockResult(error is null, error, entry, newBlock);
        }

        pending.DeliverTo(events);
        if (result.Accepted)
        {
            ActivateBestChain(block);
        }

        return result;
    }

    /// <summary>submitblock's logic (0.15 rpc/mining.cpp) with its BIP22 answer.</summary>
    public SubmitBlockOutcome SubmitBlock(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var hash = block.GetHash();
        var known = FindBlock(hash);
        if (known is not null)
        {
            if (known.IsValid(BlockStatus.ValidScripts))
            {
                return new SubmitBlockOutcome("duplicate");
            }

            if (known.IsFailed)
            {
                return new SubmitBlockOutcome("duplicate-invalid");
            }
        }

        var catcher = new BlockCheckCatcher(hash);
        ProcessBlockResult result;
        using (events.Subscribe(catcher))
        {
            result = ProcessNewBlock(block, forceProcessing: true);
        }

        if (known is not null)
        {
            return new SubmitBlockOutcome(result.Accepted && !catcher.Found ? "duplicate-inconclusive" : "duplicate");
        }

        if (!catcher.Found)
        {
            return new SubmitBlockOutcome("inconclusive");
        }

        return new SubmitBlockOutcome(catcher.Error is null ? null : string.IsNullOrEmpty(catcher.Error.Reason) ? "rejected" : catcher.Error.Reason);
    }

    /// <summary>ActivateBestChain: moves the active chain to the most-work valid candidate, one step per lock hold.</summary>
    public void ActivateBestChain(Block? justReceived = null)
    {
        var pending = new PendingNotifications();
        while (true)
        {
            bool more;
            lock (writer)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                more = activator!.Step(justReceived, pending);
                if (!more)
                {
                    // As 0.15, once per activation, on the final state (the last step may still prune candidates).
                    CheckIndex();
                }
            }

            pending.DeliverTo(events);
            if (!more)
            {
                return;
            }
        }
    }

    /// <summary>invalidateblock: marks the block failed, disconnects it (and its descendants) if active, then moves to the best remaining chain.</summary>
    public void InvalidateBlock(uint256 hash)
    {
        var pending = new PendingNotifications();
        lock (writer)
        {
            var current = State;
            var entry = current.Index.Find(hash) ?? throw new KeyNotFoundException("Block not found");
            failures!.MarkFailed(entry, BlockStatus.FailedValid);
            var oldTip = current.Active.Tip;
            while (current.Active.Contains(entry))
            {
                activator!.DisconnectTip(pending);
            }

            // The new tip may have been pruned from the candidates earlier; every block at least as good goes back.
            var tip = current.Active.Tip;
            foreach (var other in current.Index.Entries)
            {
                if (other.IsValid(BlockStatus.ValidTransactions) && other.ChainTransactionCount != 0 &&
                    (tip is null || !BlockIndexWorkComparer.Instance.IsWorse(other, tip)))
                {
                    current.Index.Candidates.Add(other);
                }
            }

            failures.InvalidChainFound(entry);
            current.CommitIndex(WriteDurability.SurvivesProcessCrash);
            if (tip is not null && !ReferenceEquals(tip, oldTip))
            {
                pending.UpdatedBlockTip(tip, tip, current.IsInitialBlockDownload());
            }

            CheckIndex();
        }

        pending.DeliverTo(events);
        ActivateBestChain();
    }

    /// <summary>reconsiderblock: clears the failure marks of the block, its descendants and ancestors, then activates.</summary>
    public void ReconsiderBlock(uint256 hash)
    {
        lock (writer)
        {
            var entry = State.Index.Find(hash) ?? throw new KeyNotFoundException("Block not found");
            failures!.ResetFailureFlags(entry);
            State.CommitIndex(WriteDurability.SurvivesProcessCrash);
            CheckIndex();
        }

        ActivateBestChain();
    }

    /// <summary>preciousblock: treats the block as if it arrived before any other of equal work, then activates.</summary>
    public void PreciousBlock(uint256 hash)
    {
        lock (writer)
        {
            var current = State;
            var entry = current.Index.Find(hash) ?? throw new KeyNotFoundException("Block not found");
            var tip = current.Active.Tip!;
            if (entry.ChainWork < tip.ChainWork)
            {
                return;
            }

            if (tip.ChainWork > lastPreciousChainWork)
            {
                // A new best block arrived since the last preciousblock: start the reverse sequence again.
                lastPreciousSequenceId = -1;
            }

            lastPreciousChainWork = tip.ChainWork;
            current.Index.Candidates.Remove(entry);
            entry.SequenceId = lastPreciousSequenceId;
            if (lastPreciousSequenceId > int.MinValue)
            {
                lastPreciousSequenceId--;
            }

            if (entry.IsValid(BlockStatus.ValidTransactions) && entry.ChainTransactionCount != 0)
            {
                current.Index.Candidates.Add(entry);
                activator!.PruneCandidates();
            }
        }

        ActivateBestChain();
    }

    /// <summary>Writes the coins cache and everything before it to disk, durable against a power cut.</summary>
    public void Flush()
    {
        lock (writer)
        {
            flusher!.Flush();
        }
    }

    /// <summary>Marks the start or end of a -loadblock / -reindex import (initial block download while it runs).</summary>
    public void SetImporting(bool importing)
    {
        lock (writer)
        {
            State.Importing = importing;
        }
    }

    /// <summary>Clears the unfinished -reindex marker once every block file has been read.</summary>
    public void FinishReindex()
    {
        lock (writer)
        {
            State.Store.SetReindexing(false);
        }
    }

    public void Dispose()
    {
        lock (writer)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            if (state is null)
            {
                return;
            }

            try
            {
                flusher!.Flush();
            }
            finally
            {
                state.Store.Dispose();
            }
        }
    }

    private static void SetCoinsTip(ChainState loaded)
    {
        var best = loaded.Coins.BestBlock;
        if (best == uint256.Zero)
        {
            return;
        }

        var tip = loaded.Index.Find(best)
                  ?? throw new StorageCorruptionException(loaded.Store.Database.Path, $"the coins are at block {best}, which is not in the block index");
        loaded.Active.SetTip(tip);
        loaded.PublishTip();
        var candidates = loaded.Index.Candidates;
        while (candidates.Count > 0 && BlockIndexWorkComparer.Instance.IsWorse(candidates.Min!, tip))
        {
            candidates.Remove(candidates.Min!);
        }
    }

    private void Compose(ChainState loaded)
    {
        var blockCheck = new BlockCheck();
        acceptor = new BlockAcceptor(loaded, blockCheck);
        failures = new FailedBlockMarker(loaded);
        flusher = new ChainFlusher(loaded, new PruningExecutor(loaded));
        activator = new ChainActivator(
            loaded,
            new BlockConnector(chainParams.Consensus, blockCheck),
            new BlockConnector(chainParams.Consensus, new BlockCheck([])),
            new ScriptVerifier(settings.ScriptThreads),
            failures,
            flusher);
        checker = settings.CheckBlockIndex ? new BlockIndexChecker(loaded) : null;
    }

    // 0.15's init refuses to go back to unpruned mode; -reindex-chainstate would need the deleted blocks.
    private void CheckPruneState(ChainStore store)
    {
        if (!store.Database.HavePruned())
        {
            return;
        }

        log.Message("LoadBlockIndexDB(): Block files have previously been pruned");
        if (!settings.PruneMode)
        {
            throw new InvalidOperationException("You need to rebuild the database using -reindex to go back to unpruned mode.  This will redownload the entire blockchain");
        }

        if (settings.ReindexChainState)
        {
            throw new InvalidOperationException("Block files have been pruned, so -reindex-chainstate cannot replay them. Use -reindex instead.");
        }
    }

    private void EnsureGenesis()
    {
        var genesisEntry = State.Index.Find(chainParams.GenesisHash);
        if (genesisEntry is null)
        {
            if (State.Index.Count > 0)
            {
                throw new InvalidOperationException("Incorrect or no genesis block found. Wrong datadir for network?");
            }

            var result = ProcessNewBlock(chainParams.CreateGenesisBlock(), forceProcessing: true);
            if (!result.Accepted)
            {
                throw new InvalidOperationException($"The genesis block was refused: {result.Error}");
            }

            return;
        }

        if (State.PublishedTip is null)
        {
            // A wiped chain state (-reindex-chainstate) starts from genesis; the rest follows in the background.
            var pending = new PendingNotifications();
            lock (writer)
            {
                while (State.Active.Tip is null && activator!.Step(null, pending))
                {
                }
            }

            pending.DeliverTo(events);
            if (State.PublishedTip is null)
            {
                throw new InvalidOperationException("The genesis block could not be connected.");
            }
        }
    }

    private void CheckIndex()
    {
        if (checker is not null)
        {
            var started = ChainTimings.Now();
            checker.Check();
            State.Timings.Add(ChainPhase.CheckBlockIndex, started);
        }
    }
}
