using NBitcoin;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// Where relayed transactions go: the mempool, which Faithcoin.Node will implement. Until it exists,
/// <see cref="NoMempool"/> stands in. Calls come from peers' threads, concurrently.
/// </summary>
public interface ITransactionSink
{
    /// <summary>AcceptToMemoryPool for a transaction a peer sent in a tx message.</summary>
    ValueTask<TransactionAcceptResult> AcceptTransactionAsync(Transaction transaction, CancellationToken cancellationToken);

    /// <summary>A transaction to serve for getdata (MSG_TX / MSG_WITNESS_TX), or null for notfound.</summary>
    Transaction? FindTransaction(uint256 txid);

    /// <summary>The ids of the pool's transactions, for the answer to a mempool message from a whitelisted peer.</summary>
    IReadOnlyList<uint256> GetTransactionIds();
}
