using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using Microsoft.Extensions.Logging;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// tx and mempool. A tx from a peer we told not to relay (-blocksonly) is ignored unless whitelisted; otherwise it
/// goes to the <see cref="ITransactionSink"/>, and an invalid one gets a reject and its DoS score as in 0.15.
/// mempool: without NODE_BLOOM only whitelisted peers may ask (others are dropped), and they get an inv of the pool.
/// Relaying accepted transactions to other peers (trickled inv) comes with the mempool.
/// </summary>
public sealed partial class TransactionHandler : IMessageHandler
{
    private readonly ITransactionSink sink;
    private readonly P2POptions options;
    private readonly ILogger logger;

    public TransactionHandler(ITransactionSink sink, P2POptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.sink = sink;
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
            AnswerMempool(peer);
            return ValueTask.CompletedTask;
        }

        return HandleTxAsync(peer, frame.Payload, cancellationToken);
    }

    private void AnswerMempool(PeerContext peer)
    {
        if ((options.LocalServices & ServiceFlags.Bloom) == 0 && !peer.Connection.IsWhitelisted)
        {
            peer.Connection.Disconnect("mempool request with bloom filters disabled");
            return;
        }

        foreach (var chunk in sink.GetTransactionIds().Chunk(WireLimits.MaxInventoryEntries))
        {
            peer.Send(NetCommands.Inv, new InvPayload(chunk.Select(h => new InventoryVector(InventoryType.MSG_TX, h)).ToArray()));
        }
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
        var result = await sink.AcceptTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
        if (result.Accepted)
        {
            return;
        }

        if (result.Error is { } error)
        {
            LogRejected(logger, txid.ToString(), peer.Id, error.ToString());
            peer.SendReject(new RejectMessage(NetCommands.Tx, error.Code, error.Reason, txid));
            if (error.DoS > 0)
            {
                peer.Misbehaving(error.DoS, $"invalid transaction: {error}");
            }

            return;
        }

        LogNotAccepted(logger, txid.ToString(), peer.Id, result.InternalReason ?? "unknown");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "transaction sent in violation of protocol peer={Peer}")]
    private static partial void LogBlocksOnlyViolation(ILogger logger, long peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Txid} from peer={Peer} was not accepted: {Reason}")]
    private static partial void LogRejected(ILogger logger, string txid, long peer, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Txid} from peer={Peer} not accepted: {Reason}")]
    private static partial void LogNotAccepted(ILogger logger, string txid, long peer, string reason);
}
