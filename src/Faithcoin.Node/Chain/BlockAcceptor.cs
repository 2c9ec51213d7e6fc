using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Rules.Headers;
using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Storage;
using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// Brings headers and blocks into the block tree (0.15's AcceptBlockHeader, AcceptBlock and
/// ReceivedBlockTransactions): checks them, stores the block's bytes and makes the block a candidate tip once it and
/// all its ancestors have data. It never moves the active chain; that is <see cref="ChainActivator"/>'s job.
/// </summary>
internal sealed class BlockAcceptor
{
    /// <summary>Core's MIN_BLOCKS_TO_KEEP: an unrequested block further ahead of the tip than this is not stored.</summary>
    private const int MinBlocksToKeep = 288;

    private readonly ChainState state;
    private readonly HeaderValidator headerValidator;
    private readonly BlockCheck blockCheck;
    private readonly ContextualBlockCheck contextualCheck = new();

    public BlockAcceptor(ChainState state, BlockCheck blockCheck)
    {
        this.state = state;
        this.blockCheck = blockCheck;
        headerValidator = new HeaderValidator(state.Params.Consensus, state.Index, state.Settings.CheckpointsEnabled);
    }

    public ValidationError? CheckBlock(Block block) =>
        headerValidator.CheckBlockHeader(block.Header) ?? blockCheck.Check(block);

    /// <summary>AcceptBlockHeader: the entry for the header, new or already known.</summary>
    public ValidationError? AcceptHeader(BlockHeader header, uint256 hash, out BlockIndexEntry? entry, bool proofOfWorkChecked = false)
    {
        entry = state.Index.Find(hash);
        if (hash == state.Params.GenesisHash)
        {
            entry ??= state.Index.Add(header, hash, previous: null);
            return null;
        }

        if (entry is not null)
        {
            return entry.IsFailed
                ? new ValidationError("duplicate", 0, RejectCode.Duplicate, Debug: $"block {hash} is marked invalid")
                : null;
        }

        var error = headerValidator.CheckBlockHeader(header, checkProofOfWork: !proofOfWorkChecked);
        if (error is not null)
        {
            return error;
        }

        var previous = state.Index.Find(header.HashPrevBlock);
        if (previous is null)
        {
            return new ValidationError("prev-blk-not-found", 10, RejectCode.Invalid, Debug: "AcceptBlockHeader: prev block not found");
        }

        if (previous.IsFailed)
        {
            return new ValidationError("bad-prevblk", 100, RejectCode.Invalid, Debug: "AcceptBlockHeader: prev block invalid");
        }

        error = headerValidator.ContextualCheckBlockHeader(header, previous, state.NowSeconds);
        if (error is not null)
        {
            return error;
        }

        entry = state.Index.Add(header, hash, previous);
        return null;
    }

    /// <summary>
    /// AcceptBlock: accepts the header, then (unless already stored, or unrequested and not interesting) checks the
    /// block, stores it and records its transactions. The caller has run <see cref="CheckBlock"/> (ProcessNewBlock does,
    /// as 0.15), so the context-free checks and the proof of work are not repeated here (0.15's fChecked). <paramref name="knownPosition"/> is set when the block already
    /// sits in a block file (-reindex) and must not be written again.
    /// </summary>
    public ValidationError? AcceptBlock(
        Block block,
        uint256 hash,
        ReadOnlyMemory<byte>? serialized,
        bool requested,
        BlockFilePosition? knownPosition,
        out BlockIndexEntry? entry,
        out bool newBlock)
    {
        newBlock = false;
        var error = AcceptHeader(block.Header, hash, out entry, proofOfWorkChecked: true);
        if (error is not null)
        {
            return error;
        }

        var tip = state.Active.Tip;
        var alreadyHave = entry!.HaveData;
        var hasMoreWork = tip is null || entry.ChainWork > tip.ChainWork;
        var tooFarAhead = entry.Height > state.Active.Height + MinBlocksToKeep;
        if (alreadyHave)
        {
            return null;
        }

        if (!requested && (entry.TransactionCount != 0 || !hasMoreWork || tooFarAhead))
        {
            return null;
        }

        newBlock = true;
        var previous = entry.Previous;
        var rules = state.RuleSets.ForNextBlock(previous, block.Header.BlockTime.ToUnixTimeSeconds());
        error = contextualCheck.Check(block, BlockRuleContext.From(previous, rules));
        if (error is not null)
        {
            if (!error.CorruptionPossible)
            {
                entry.Status |= BlockStatus.FailedValid;
                state.Index.MarkDirty(entry);
                state.CommitIndex(WriteDurability.SurvivesProcessCrash);
            }

            return error;
        }

        var position = knownPosition ?? state.Store.AppendBlock(serialized is { } bytes ? bytes.Span : block.ToBytes());
        ReceivedTransactions(entry, block, position);

        // Durable against a killed process before anyone is told the block was accepted.
        state.CommitIndex(WriteDurability.SurvivesProcessCrash);
        return null;
    }

    /// <summary>ReceivedBlockTransactions: records the data and links the block (and any waiting children) as candidates.</summary>
    private void ReceivedTransactions(BlockIndexEntry entry, Block block, BlockFilePosition position)
    {
        entry.TransactionCount = block.Transactions.Count;
        entry.ChainTransactionCount = 0;
        entry.DataPosition = position;
        entry.Status |= BlockStatus.HaveData;
        if (block.Transactions.Any(t => t.HasWitness))
        {
            entry.Status |= BlockStatus.OptWitness;
        }

        entry.RaiseValidity(BlockStatus.ValidTransactions);
        state.Index.MarkDirty(entry);

        var previous = entry.Previous;
        if (previous is null || previous.ChainTransactionCount != 0)
        {
            var queue = new Queue<BlockIndexEntry>();
            queue.Enqueue(entry);
            while (queue.TryDequeue(out var linked))
            {
                linked.ChainTransactionCount = (linked.Previous?.ChainTransactionCount ?? 0) + linked.TransactionCount;
                linked.SequenceId = state.Index.NextSequenceId();
                var tip = state.Active.Tip;
                if (tip is null || !BlockIndexWorkComparer.Instance.IsWorse(linked, tip))
                {
                    state.Index.Candidates.Add(linked);
                }

                foreach (var child in state.Index.TakeUnlinked(linked))
                {
                    queue.Enqueue(child);
                }
            }
        }
        else if (previous.IsValid(BlockStatus.ValidTree))
        {
            state.Index.AddUnlinked(previous, entry);
        }
    }
}
