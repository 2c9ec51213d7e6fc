using Faithcoin.Node.Chain;
using Faithcoin.Node.Storage;
using NBitcoin;

namespace Faithcoin.Node.Indexes;

/// <summary>
/// -txindex: finds any confirmed transaction of the active chain. It follows the chain block by block from its own
/// marker: <see cref="BlockConnected"/> adds a block that extends the marker, <see cref="BlockDisconnected"/> moves
/// the marker back (entries stay, as in 0.15), and <see cref="SyncStep"/> walks the active chain from the marker to
/// the tip after a start, a lag or a notification it could not place. Every path holds one lock and only ever writes
/// the block right after the marker, so the two cannot interleave into a gap or a duplicate.
/// </summary>
public sealed class TransactionIndex(ChainManager chain, TransactionIndexStore store) : IChainNotifications
{
    private readonly Lock gate = new();
    private BlockIndexEntry? best;
    private bool bestLoaded;

    /// <summary>Raised (outside the lock) when a notification could not be applied and the chain must be walked.</summary>
    public event Action? Behind;

    /// <summary>The last block whose transactions are all indexed; null before the first sync step.</summary>
    public BlockIndexEntry? BestBlock
    {
        get
        {
            lock (gate)
            {
                return best;
            }
        }
    }

    /// <summary>
    /// The transaction and its block, when the index has it in a block of the active chain whose stored bytes
    /// still hold it; null otherwise (never indexed, or its block left the active chain).
    /// </summary>
    public (Transaction Transaction, BlockIndexEntry Block)? Find(uint256 txid)
    {
        ArgumentNullException.ThrowIfNull(txid);
        if (store.Find(txid) is not { } position
            || chain.FindBlock(position.BlockHash) is not { } entry
            || !chain.IsInActiveChain(entry)
            || entry.DataPosition is not { } stored
            || stored.FileNumber != position.FileNumber
            || stored.Offset != position.BlockOffset
            || chain.ReadBlockBytes(entry) is not { } bytes
            || position.TransactionOffset >= bytes.Length)
        {
            return null;
        }

        var tx = BlockTransactionOffsets.ReadTransaction(bytes, position.TransactionOffset, chain.ChainParams.Network.Consensus.ConsensusFactory);
        return tx is not null && tx.GetHash() == txid ? (tx, entry) : null;
    }

    /// <summary>
    /// Indexes the next block of the active chain after the marker, or moves the marker back to the active chain.
    /// Returns false once the marker is the tip (nothing left to do).
    /// </summary>
    public bool SyncStep()
    {
        lock (gate)
        {
            LoadBest();
            if (best is null)
            {
                // 0.15 never indexes the genesis block: its coinbase is not a spendable transaction.
                var genesis = chain.Index.Find(chain.ChainParams.GenesisHash) ?? throw new InvalidOperationException("The chain has no genesis block.");
                store.SetBestBlock(genesis.HashBlock);
                best = genesis;
                return true;
            }

            if (!chain.IsInActiveChain(best))
            {
                var fork = best;
                while (fork is not null && !chain.IsInActiveChain(fork))
                {
                    fork = fork.Previous;
                }

                best = fork ?? throw new InvalidOperationException("The transaction index marker shares no block with the active chain.");
                store.SetBestBlock(best.HashBlock);
                return true;
            }

            var tip = chain.Tip;
            if (tip.Height <= best.Height)
            {
                return false;
            }

            // Read against the tip just seen: another reorganisation in between only costs a retry.
            if (tip.GetAncestor(best.Height + 1) is not { } next || next.Previous != best)
            {
                return true;
            }

            var block = chain.ReadBlock(next) ?? throw new InvalidOperationException($"Block {next.HashBlock} at height {next.Height} has no stored data to index.");
            Write(block, next);
            return true;
        }
    }

    public void BlockConnected(Block block, BlockIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            if (bestLoaded && best is not null && entry.Previous == best && TryApply(() => Write(block, entry)))
            {
                return;
            }
        }

        Behind?.Invoke();
    }

    public void BlockDisconnected(Block block, BlockIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            if (bestLoaded && best == entry && entry.Previous is { } previous && TryApply(() =>
                {
                    store.SetBestBlock(previous.HashBlock);
                    best = previous;
                }))
            {
                return;
            }
        }

        Behind?.Invoke();
    }

    /// <summary>
    /// Runs a write on the chain's notification thread, where a storage failure must not reach the chain: the marker
    /// is re-read from the store and the sync thread retries (and reports a lasting failure).
    /// </summary>
    private bool TryApply(Action write)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception e) when (e is StorageException or ObjectDisposedException)
        {
            bestLoaded = false;
            return false;
        }
    }

    private void LoadBest()
    {
        if (bestLoaded)
        {
            return;
        }

        // A marker for a block the block index does not know (after -reindex-chainstate, or a foreign folder) restarts
        // the walk at genesis; entries are rewritten with the same values.
        best = store.GetBestBlock() is { } hash ? chain.FindBlock(hash) : null;
        bestLoaded = true;
    }

    private void Write(Block block, BlockIndexEntry entry)
    {
        var stored = entry.DataPosition ?? throw new InvalidOperationException($"Block {entry.HashBlock} has no stored data to index.");
        var entries = BlockTransactionOffsets.Of(block)
            .Select(t => (t.Transaction.GetHash(), new TransactionPosition(entry.HashBlock, stored.FileNumber, stored.Offset, t.Offset)));
        store.WriteBlock(entry.HashBlock, entries);
        best = entry;
    }
}
