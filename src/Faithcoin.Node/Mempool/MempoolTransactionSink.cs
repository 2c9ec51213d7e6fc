using Faithcoin.P2P.Protocol.Relay;
using Microsoft.Extensions.Logging;
using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// The pool as the P2P layer sees it (net_processing's tx handling): acceptance of a peer's transaction, orphans
/// kept when parents are missing, and the orphans a newly accepted transaction resolves, accepted in turn
/// (ProcessOrphanTx). An orphan that turns out invalid is dropped and reported with the peer that sent it, whom
/// the P2P layer charges if still connected, as 0.15 does.
/// </summary>
public sealed partial class MempoolTransactionSink(
    TransactionPool pool,
    MempoolAcceptor acceptor,
    OrphanPool orphans,
    ILogger<MempoolTransactionSink> logger) : ITransactionSink
{
    public ValueTask<TransactionAcceptResult> AcceptTransactionAsync(Transaction transaction, long peerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var result = acceptor.Accept(transaction);
        if (result.MissingInputs)
        {
            if (orphans.Add(transaction, peerId))
            {
                LogOrphan(logger, transaction.GetHash().ToString(), orphans.Count);
                var (expired, evicted) = orphans.LimitSize();
                if (expired > 0)
                {
                    LogExpired(logger, expired);
                }

                if (evicted > 0)
                {
                    LogOverflow(logger, evicted);
                }
            }

            return ValueTask.FromResult(TransactionAcceptResult.Orphan());
        }

        if (!result.Accepted)
        {
            var error = result.Error!;
            return ValueTask.FromResult(result.IsInternal
                ? TransactionAcceptResult.NotAccepted(error.Reason)
                : TransactionAcceptResult.Rejected(error));
        }

        var relayed = new List<RelayedTransaction> { Relayed(transaction) };
        var penalties = new List<OrphanPenalty>();
        ResolveOrphans(transaction, relayed, penalties);
        return ValueTask.FromResult(TransactionAcceptResult.Accept(relayed) with { OrphanPenalties = penalties });
    }

    public Transaction? FindTransaction(uint256 txid) => pool.GetTransaction(txid);

    public IReadOnlyList<uint256> GetTransactionIds() => pool.Snapshot().Select(e => e.Txid).ToArray();

    public IReadOnlyList<(uint256 Wtxid, Transaction Tx)> GetTransactionsByWitnessHash() =>
        pool.Snapshot().Select(e => (e.Transaction.GetWitHash(), e.Transaction)).ToArray();

    public long? GetFeeRate(uint256 txid) =>
        pool.Find(txid) is { } entry ? Policy.PolicyFeeRate.FromFee(entry.Fee, entry.VirtualSize).SatoshisPerK : null;

    public void PeerDisconnected(long peerId)
    {
        var erased = orphans.RemoveForPeer(peerId);
        if (erased > 0)
        {
            LogErased(logger, erased, peerId);
        }
    }

    /// <summary>Breadth first from the accepted transaction through every orphan that now has its inputs.</summary>
    private void ResolveOrphans(Transaction accepted, List<RelayedTransaction> relayed, List<OrphanPenalty> penalties)
    {
        var work = new Queue<Transaction>();
        work.Enqueue(accepted);
        while (work.Count > 0)
        {
            foreach (var (orphan, sender) in orphans.ChildrenOf(work.Dequeue()))
            {
                var result = acceptor.Accept(orphan);
                if (result.MissingInputs)
                {
                    continue;
                }

                orphans.Remove(orphan.GetHash());
                if (result.Accepted)
                {
                    relayed.Add(Relayed(orphan));
                    work.Enqueue(orphan);
                }
                else if (!result.IsInternal && result.Error is { } error)
                {
                    penalties.Add(new OrphanPenalty(sender, orphan.GetHash(), error));
                }
            }
        }
    }

    private RelayedTransaction Relayed(Transaction tx)
    {
        var txid = tx.GetHash();
        return new RelayedTransaction(txid, tx.GetWitHash(), GetFeeRate(txid) ?? 0);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "stored orphan tx {Txid} (mapsz {Count})")]
    private static partial void LogOrphan(ILogger logger, string txid, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Erased {Count} orphan tx due to expiration")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "mapOrphan overflow, removed {Count} tx")]
    private static partial void LogOverflow(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Erased {Count} orphan tx from peer={Peer}")]
    private static partial void LogErased(ILogger logger, int count, long peer);
}
