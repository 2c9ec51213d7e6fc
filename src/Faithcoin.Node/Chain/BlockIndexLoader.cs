using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Storage;
using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// Rebuilds the block tree from the block_index family at start-up (0.15's LoadBlockIndexDB): links every entry to
/// its parent, recomputes chain work and chain transaction counts, re-marks children of failed blocks, and finds the
/// candidates and the best header. Anything that does not fit together is corruption.
/// </summary>
internal sealed class BlockIndexLoader(ChainState state)
{
    public void Load()
    {
        var database = state.Store.Database;
        var records = database.ReadBlockIndex().ToList();
        records.Sort((a, b) => a.Height.CompareTo(b.Height));
        var index = state.Index;
        var bestTipHash = database.GetBestBlock();
        foreach (var record in records)
        {
            var header = FaithcoinConsensusFactory.Instance.CreateBlockHeader();
            header.ReadWrite(new BitcoinStream(record.Header.ToArray()));
            if (header.GetHash() != record.Hash)
            {
                throw new StorageCorruptionException(database.Path, $"the block index entry {record.Hash} holds another block's header");
            }

            BlockIndexEntry? previous = null;
            if (record.Height > 0)
            {
                previous = index.Find(record.PreviousHash)
                           ?? throw new StorageCorruptionException(database.Path, $"the parent of block index entry {record.Hash} is missing");
            }

            var entry = index.Load(record, header, previous);
            if (entry.Height != record.Height)
            {
                throw new StorageCorruptionException(database.Path, $"block index entry {record.Hash} is stored at height {record.Height} but links at {entry.Height}");
            }

            LinkTransactions(entry);
            if (!entry.IsFailed && previous is not null && previous.IsFailed)
            {
                entry.Status |= BlockStatus.FailedChild;
                index.MarkDirty(entry);
            }

            if (entry.IsFailed && (index.BestInvalid is null || entry.ChainWork > index.BestInvalid.ChainWork))
            {
                index.BestInvalid = entry;
            }

            index.ConsiderBestHeader(entry);
        }

        // The coins' tip and its ancestors go first among equal-work candidates, so a restart never reorganises to
        // an equal-work sibling.
        var coinsTip = bestTipHash is null ? null : index.Find(bestTipHash);
        foreach (var entry in index.Entries)
        {
            entry.SequenceId = coinsTip is not null && coinsTip.DescendsFrom(entry) ? 0 : 1;
            if (entry.IsValid(BlockStatus.ValidTransactions) && (entry.ChainTransactionCount != 0 || entry.Previous is null))
            {
                index.Candidates.Add(entry);
            }
        }
    }

    private void LinkTransactions(BlockIndexEntry entry)
    {
        if (entry.TransactionCount == 0)
        {
            return;
        }

        var previous = entry.Previous;
        if (previous is null)
        {
            entry.ChainTransactionCount = entry.TransactionCount;
        }
        else if (previous.ChainTransactionCount != 0)
        {
            entry.ChainTransactionCount = previous.ChainTransactionCount + entry.TransactionCount;
        }
        else
        {
            state.Index.AddUnlinked(previous, entry);
        }
    }
}
