using NBitcoin;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// The transaction sink of a node without a mempool: every transaction is turned away with the internal
/// reason "mempool-unavailable" (no reject message, as 0.15 sends none for refusals that are not the
/// transaction's fault), nothing is served and nothing is announced.
/// </summary>
public sealed class NoMempool : ITransactionSink
{
    public const string Reason = "mempool-unavailable";

    public ValueTask<TransactionAcceptResult> AcceptTransactionAsync(Transaction transaction, long peerId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TransactionAcceptResult.NotAccepted(Reason));

    public Transaction? FindTransaction(uint256 txid) => null;

    public IReadOnlyList<uint256> GetTransactionIds() => [];

    public IReadOnlyList<(uint256 Wtxid, Transaction Tx)> GetTransactionsByWitnessHash() => [];

    public long? GetFeeRate(uint256 txid) => null;

    public void PeerDisconnected(long peerId)
    {
        // No orphans are kept.
    }
}
