using NBitcoin;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// Where relayed transactions go: the mempool, which Faithcoin.Node implements. Without one,
/// <see cref="NoMempool"/> stands in. Calls come from peers' threads, concurrently.
/// </summary>
public interface ITransactionSink
{
    /// <summary>
    /// AcceptToMemoryPool for a transaction <paramref name="peerId"/> sent in a tx message, then the orphans it
    /// resolved; the result lists every transaction that entered the pool, for relay.
    /// </summary>
    ValueTask<TransactionAcceptResult> AcceptTransactionAsync(Transaction transaction, long peerId, CancellationToken cancellationToken);

    /// <summary>A pool transaction to serve for getdata (MSG_TX / MSG_WITNESS_TX), or null.</summary>
    Transaction? FindTransaction(uint256 txid);

    /// <summary>Every pool transaction with its wtxid (vTxHashes), for matching compact blocks' short ids.</summary>
    IReadOnlyList<(uint256 Wtxid, Transaction Tx)> GetTransactionsByWitnessHash();

    /// <summary>The ids of the pool's transactions, for the answer to a mempool message.</summary>
    IReadOnlyList<uint256> GetTransactionIds();

    /// <summary>Fee rate in satoshis per 1000 vbytes of a pool transaction (for feefilter and the mempool answer); null if not in the pool.</summary>
    long? GetFeeRate(uint256 txid);

    /// <summary>A peer went away: its orphans are dropped (EraseOrphansFor).</summary>
    void PeerDisconnected(long peerId);
}
