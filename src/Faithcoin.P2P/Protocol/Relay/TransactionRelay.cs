using Faithcoin.P2P.Protocol.Compact;
using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// The node-wide half of transaction relay: RelayTransaction (queue an inv for every connected peer that wants
/// transactions and does not know it), AlreadyHave for transactions (recently rejected, or in the pool), and
/// AskFor (queue a getdata to a peer, spaced two minutes from the last request for the same transaction), and
/// which transaction a peer's getdata may be served.
/// </summary>
public sealed class TransactionRelay
{
    private readonly PeerTable peers;
    private readonly ITransactionSink sink;
    private readonly RecentRejects rejects;
    private readonly TransactionRequestSchedule schedule;
    private readonly P2POptions options;
    private readonly TimeProvider time;

    public TransactionRelay(
        PeerTable peers,
        ITransactionSink sink,
        RecentRejects rejects,
        TransactionRequestSchedule schedule,
        RelayMemory memory,
        P2POptions options,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(rejects);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        this.peers = peers;
        this.sink = sink;
        this.rejects = rejects;
        this.schedule = schedule;
        Memory = memory;
        ExtraTransactions = new ExtraTransactions(options.BlockReconstructionExtraTxn);
        this.options = options;
        this.time = time;
    }

    public ITransactionSink Sink => sink;

    public RecentRejects Rejects => rejects;

    /// <summary>vExtraTxnForCompact: recent orphans and refusals, for compact block reconstruction.</summary>
    public ExtraTransactions ExtraTransactions { get; }

    /// <summary>What getdata for a transaction is answered from.</summary>
    public RelayMemory Memory { get; }

    /// <summary>RelayTransaction: every fully connected peer that asked for transactions hears of it at its next trickle.</summary>
    public void Relay(uint256 txid)
    {
        foreach (var peer in peers.All)
        {
            var connection = peer.Connection;
            if (connection.HandshakeComplete && !connection.IsDisconnecting && peer.State.RelayTransactions)
            {
                peer.State.Transactions.Push(txid);
            }
        }
    }

    /// <summary>AlreadyHave for a transaction: recently rejected, or in the pool.</summary>
    public bool AlreadyHave(uint256 txid) => rejects.Contains(txid) || sink.FindTransaction(txid) is not null;

    /// <summary>GetFetchFlags: ask witness peers for transactions with their witnesses, when we serve witnesses too.</summary>
    public InventoryType FetchType(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var witness = (options.LocalServices & ServiceFlags.Witness) != 0 && peer.State.HaveWitness;
        return witness ? InventoryType.MSG_WITNESS_TX : InventoryType.MSG_TX;
    }

    /// <summary>AskFor: queue a getdata for <paramref name="txid"/> to <paramref name="peer"/> (the caller holds its gate).</summary>
    public void AskFor(PeerContext peer, uint256 txid)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var requests = peer.State.TransactionRequests;
        if (requests.IsFull)
        {
            return;
        }

        if (requests.MarkAsked(txid))
        {
            requests.Enqueue(new InventoryVector(FetchType(peer), txid), schedule.Schedule(txid, time.GetUtcNow()));
        }
    }

    /// <summary>
    /// ProcessGetData for a transaction: one we announced lately (to anyone), or, for a peer that asked for our
    /// pool with a mempool message, a pool transaction it knows (0.15 allows those in the pool at that request).
    /// </summary>
    public Transaction? FindForGetData(PeerContext peer, uint256 txid)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (Memory.Find(txid) is { } announced)
        {
            return announced;
        }

        return peer.State.LastMempoolRequest is not null && peer.State.Transactions.IsKnown(txid) ? sink.FindTransaction(txid) : null;
    }

    /// <summary>FinalizeNode: the peer's orphans go (EraseOrphansFor).</summary>
    public void PeerDisconnected(long peerId) => sink.PeerDisconnected(peerId);

    /// <summary>An invalid orphan's sender, if still connected, gets the DoS score; the orphan joins the recent rejects.</summary>
    public void Punish(OrphanPenalty penalty)
    {
        ArgumentNullException.ThrowIfNull(penalty);
        rejects.Add(penalty.Txid);
        if (penalty.Error.DoS > 0 && peers.TryGet(penalty.PeerId, out var sender))
        {
            sender.Misbehaving(penalty.Error.DoS, $"invalid orphan transaction: {penalty.Error}");
        }
    }

    /// <summary>The peer sent the transaction: no answer is outstanding and other announcers may be asked at once.</summary>
    public void Received(PeerContext peer, uint256 txid)
    {
        ArgumentNullException.ThrowIfNull(peer);
        peer.State.TransactionRequests.Forget(txid);
        schedule.Forget(txid);
    }
}
