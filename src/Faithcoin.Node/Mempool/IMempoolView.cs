using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// What the rest of the node reads of the transaction memory pool: RPC, REST, metrics, relay and block assembly.
/// Every call takes a consistent snapshot under the pool's lock, so it is safe from any thread.
/// </summary>
public interface IMempoolView
{
    /// <summary>Counts and sizes for getmempoolinfo, /rest/mempool/info and metrics.</summary>
    MempoolInfo GetInfo();

    /// <summary>The pool's transaction with this txid, or null.</summary>
    Transaction? GetTransaction(uint256 txid);

    /// <summary>The entry with this txid, or null.</summary>
    MempoolEntryView? GetEntry(uint256 txid);

    /// <summary>Every entry, in no particular order.</summary>
    IReadOnlyList<MempoolEntryView> GetEntries();

    /// <summary>True when a pool transaction spends the outpoint (getutxos checkmempool, gettxout include_mempool).</summary>
    bool IsSpent(OutPoint outpoint);

    /// <summary>The output of a pool transaction at the outpoint, if the pool has that transaction and the index exists.</summary>
    TxOut? GetOutput(OutPoint outpoint);
}
