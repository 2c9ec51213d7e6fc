using NBitcoin;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// The transaction sink until the node has a mempool: every transaction is turned away with the internal
/// reason "mempool-unavailable" (no reject message, as 0.15 sends none for refusals that are not the
/// transaction's fault), nothing is served and nothing is announced.
/// </summary>
public sealed class NoMempool : ITransactionSink
{
    public const string Reason = "mempool-unavailable";

    public ValueTask<TransactionAcceptResult> AcceptTransactionAsync(Transaction transaction, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TransactionAcceptResult.NotAccepted(Reason));

    public Transaction? FindTransaction(uint256 txid) => null;

    public IReadOnlyList<uint256> GetTransactionIds() => [];
}
