using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using Microsoft.Extensions.Logging;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// tx and mempool, as 0.15's ProcessMessage. A tx from a peer we told not to relay (-blocksonly) is ignored
/// unless whitelisted. Otherwise the peer knows it, and unless we already have it (recently rejected or in the
/// pool) it goes to the <see cref="ITransactionSink"/>: what entered the pool is relayed; an orphan's parents
/// are asked from the sender (unless one was rejected, then the orphan is remembered as rejected); a refusal
/// joins the recent rejects, an invalid one gets a reject and its DoS score, and a whitelisted sender's
/// harmless refusals are relayed anyway (-whitelistforcerelay). mempool: without NODE_BLOOM only whitelisted
/// peers may ask (others are dropped); the answer goes out with the peer's next trickle.
/// </summary>
public sealed partial class TransactionHandler : IMessageHandler
{
    private readonly TransactionRelay relay;
    private readonly P2POptions options;
    private readonly ILogger logger;

    public TransactionHandler(TransactionRelay relay, P2POptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.relay = relay;
        this.options = options;
        this.logger = logger;
    }

    public IReadOnlyCollection<string> Commands { get; } = [NetCommands.Tx, NetCommands.Mempool];

    public ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Command == NetCommands.Mempool)
        {
            RequestMempool(peer);
            return ValueTask.CompletedTask;
        }

        return HandleTxAsync(peer, frame.Payload, cancellationToken);
    }

    private void RequestMempool(PeerContext peer)
    {
        if ((options.LocalServices & ServiceFlags.Bloom) == 0 && !peer.Connection.IsWhitelisted)
        {
            peer.Connection.Disconnect("mempool request with bloom filters disabled");
            return;
        }

        peer.State.MempoolRequested = true;
    }

    private async ValueTask HandleTxAsync(PeerContext peer, byte[] payload, CancellationToken cancellationToken)
    {
        if (!options.RelayTransactions && !peer.Connection.IsWhitelisted)
        {
            LogBlocksOnlyViolation(logger, peer.Id);
            return;
        }

        var transaction = peer.Serializer.DeserializeTransaction(payload);
        var txid = transaction.GetHash();
        peer.State.Transactions.AddKnown(txid);
        relay.Received(peer, txid);
        TransactionAcceptResult? result = null;
        if (!relay.AlreadyHave(txid))
        {
            result = await relay.Sink.AcceptTransactionAsync(transaction, peer.Id, cancellationToken).ConfigureAwait(false);
            foreach (var penalty in result.OrphanPenalties)
            {
                relay.Punish(penalty);
            }
        }

        if (result is { Accepted: true })
        {
            peer.Connection.Activity.TransactionAccepted();
            foreach (var entered in result.ToRelay)
            {
                relay.Relay(entered.Txid);
            }

            LogAccepted(logger, txid.ToString(), peer.Id, result.ToRelay.Count);
            return;
        }

        if (result is { MissingInputs: true })
        {
            AskForParents(peer, transaction);
            return;
        }

        Refused(peer, transaction, result);
    }

    private void AskForParents(PeerContext peer, Transaction transaction)
    {
        var parents = transaction.Inputs.Select(i => i.PrevOut.Hash).Distinct().ToList();
        if (parents.Any(relay.Rejects.Contains))
        {
            // It would be refused again, so it is not asked for from other peers either.
            LogRejectedParents(logger, transaction.GetHash().ToString());
            relay.Rejects.Add(transaction.GetHash());
            return;
        }

        relay.ExtraTransactions.Add(transaction);
        foreach (var parent in parents)
        {
            peer.State.Transactions.AddKnown(parent);
            if (!relay.AlreadyHave(parent))
            {
                relay.AskFor(peer, parent);
            }
        }
    }

    // Not accepted and not an orphan: already had it (result null), or the pool refused it.
    private void Refused(PeerContext peer, Transaction transaction, TransactionAcceptResult? result)
    {
        var txid = transaction.GetHash();
        var error = result?.Error;

        // Witness data can be malleated in transit, so such refusals are not remembered for the txid.
        if (!transaction.HasWitness && error is not { CorruptionPossible: true })
        {
            relay.Rejects.Add(txid);
            AddExtra(transaction);
        }
        else if (transaction.HasWitness)
        {
            AddExtra(transaction);
        }

        if (peer.Connection.IsWhitelisted && options.WhitelistForceRelay)
        {
            // A gateway for nodes behind it, but never for what peers would punish us for.
            if (error is null || error.DoS == 0)
            {
                relay.Relay(txid);
            }
        }

        if (error is not null)
        {
            LogRejected(logger, txid.ToString(), peer.Id, error.ToString());
            peer.SendReject(new RejectMessage(NetCommands.Tx, error.Code, error.Reason, txid));
            if (error.DoS > 0)
            {
                peer.Misbehaving(error.DoS, $"invalid transaction: {error}");
            }

            return;
        }

        LogNotAccepted(logger, txid.ToString(), peer.Id, result?.InternalReason ?? "already have");
    }

    // Big transactions are not worth the memory (0.15's 100 kB of RecursiveDynamicUsage).
    private void AddExtra(Transaction transaction)
    {
        if (transaction.GetSerializedSize() < 100_000)
        {
            relay.ExtraTransactions.Add(transaction);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "transaction sent in violation of protocol peer={Peer}")]
    private static partial void LogBlocksOnlyViolation(ILogger logger, long peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "AcceptToMemoryPool: peer={Peer}: accepted {Txid} ({Count} entered the pool)")]
    private static partial void LogAccepted(ILogger logger, string txid, long peer, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "not keeping orphan with rejected parents {Txid}")]
    private static partial void LogRejectedParents(ILogger logger, string txid);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Txid} from peer={Peer} was not accepted: {Reason}")]
    private static partial void LogRejected(ILogger logger, string txid, long peer, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Txid} from peer={Peer} not accepted: {Reason}")]
    private static partial void LogNotAccepted(ILogger logger, string txid, long peer, string reason);
}
