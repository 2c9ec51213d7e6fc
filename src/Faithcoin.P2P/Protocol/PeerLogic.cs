using Faithcoin.Consensus.Validation;
using Faithcoin.P2P.Net;
using Faithcoin.P2P.Protocol.Compact;
using Faithcoin.P2P.Protocol.AddressRelay;
using Faithcoin.P2P.Protocol.Relay;
using Faithcoin.P2P.Protocol.Sync;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using Microsoft.Extensions.Logging;
using NBitcoin;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// The protocol logic (0.15's net_processing): the handshake gate in front of every handler, reject on
/// malformed payloads, banning after misbehaviour, and the SendMessages work (pings, header sync start, block
/// announcements, transaction trickles, stall and timeout checks, block and transaction requests, feefilter).
/// </summary>
public sealed partial class PeerLogic : INetEvents
{
    private readonly P2POptions options;
    private readonly PeerPunishment punishment;
    private readonly PayloadSerializer serializer;
    private readonly HandshakeHandler handshake;
    private readonly PingHandler pings;
    private readonly FeeFilterAnnouncer feeFilter;
    private readonly BlockDownloadTracker downloads;
    private readonly BlockSyncScheduler sync;
    private readonly BlockAnnouncer announcer;
    private readonly CompactBlockSender compactSender;
    private readonly TransactionAnnouncer transactions;
    private readonly AddressAnnouncer addresses;
    private readonly IReadOnlyDictionary<string, IMessageHandler> handlers;
    private readonly ILogger logger;
    private readonly PeerTable peers;

    public PeerLogic(
        P2POptions options,
        PeerPunishment punishment,
        PayloadSerializer serializer,
        HandshakeHandler handshake,
        PingHandler pings,
        FeeFilterAnnouncer feeFilter,
        BlockDownloadTracker downloads,
        BlockSyncScheduler sync,
        BlockAnnouncer announcer,
        CompactBlockSender compactSender,
        TransactionAnnouncer transactions,
        AddressAnnouncer addresses,
        PeerTable peers,
        IEnumerable<IMessageHandler> handlers,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(punishment);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(handshake);
        ArgumentNullException.ThrowIfNull(pings);
        ArgumentNullException.ThrowIfNull(feeFilter);
        ArgumentNullException.ThrowIfNull(downloads);
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(announcer);
        ArgumentNullException.ThrowIfNull(compactSender);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options;
        this.punishment = punishment;
        this.serializer = serializer;
        this.handshake = handshake;
        this.pings = pings;
        this.feeFilter = feeFilter;
        this.downloads = downloads;
        this.sync = sync;
        this.announcer = announcer;
        this.compactSender = compactSender;
        this.transactions = transactions;
        this.addresses = addresses;
        this.peers = peers;
        this.logger = logger;
        this.handlers = handlers.Append(pings)
            .SelectMany(h => h.Commands.Select(c => (Command: c, Handler: h)))
            .ToDictionary(x => x.Command, x => x.Handler, StringComparer.Ordinal);
    }

    /// <summary>The protocol state of a connected peer (for reporting, getpeerinfo), or null.</summary>
    public PeerState? GetState(long peerId) => peers.TryGet(peerId, out var peer) ? peer.State : null;

    /// <summary>
    /// The relay half of UpdatedBlockTip: queue <paramref name="hashes"/> (oldest first) for announcement to every
    /// peer whose chain is not far ahead of the new height (no old inventory to peers still syncing from scratch).
    /// </summary>
    public void QueueBlockAnnouncements(IReadOnlyList<uint256> hashes, int newHeight)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        foreach (var peer in peers.All)
        {
            var startHeight = peer.State.StartHeight;
            if (newHeight > (startHeight != -1 ? startHeight - 2000 : 0))
            {
                peer.State.Announcements.Add(hashes);
            }
        }
    }

    public void InitializePeer(PeerConnection peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        peers.Add(new PeerContext(peer, new PeerState(options.BanScore), serializer, logger));
        downloads.AddPeer(peer.Id);
        if (!peer.IsInbound)
        {
            handshake.SendVersion(peer);
        }
    }

    public void FinalizePeer(PeerConnection peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        downloads.RemovePeer(peer.Id);
        if (peers.TryRemove(peer.Id, out var context))
        {
            handshake.PeerGone(context);
            context.State.Dispose();
        }

        transactions.Relay.PeerDisconnected(peer.Id);
    }

    public async ValueTask ProcessMessageAsync(PeerConnection peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        if (!peers.TryGet(peer.Id, out var context))
        {
            return;
        }

        await context.State.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            try
            {
                await DispatchAsync(context, frame, cancellationToken).ConfigureAwait(false);
            }
            catch (MalformedPayloadException e)
            {
                context.SendReject(new RejectMessage(frame.Command, RejectCode.Malformed, "error parsing message"));
                LogMalformed(logger, frame.Command, frame.Payload.Length, peer.Id, e.Message);
            }
#pragma warning disable CA1031 // As 0.15's PrintExceptionContinue: a failing handler costs the message, not the node or the peer.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogHandlerFailed(logger, frame.Command, peer.Id, e);
            }

            punishment.SendRejectsAndCheckIfBanned(context);
            NoteActivity(context);
        }
        finally
        {
            context.State.Gate.Release();
        }
    }

    public async ValueTask SendMessagesAsync(PeerConnection peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (!peer.HandshakeComplete || peer.IsDisconnecting || !peers.TryGet(peer.Id, out var context))
        {
            return;
        }

        // A peer busy with a message gets this pass after that message anyway.
        if (!context.State.Gate.Wait(0, CancellationToken.None))
        {
            return;
        }

        try
        {
            pings.SendPingIfDue(context);
            if (!punishment.SendRejectsAndCheckIfBanned(context) && !peer.IsDisconnecting)
            {
                addresses.SendAddresses(context);
                sync.StartHeadersSync(context);
                // Before the tip announcements, as 0.15 sends it from the notification itself; a block sent
                // this way is then known to the peer and not announced again.
                compactSender.SendFastAnnouncement(context);
                announcer.SendAnnouncements(context);
                await compactSender.SendPendingAnnouncementAsync(context, cancellationToken).ConfigureAwait(false);
                transactions.SendInventory(context);
                if (sync.CheckTimeoutsAndRequestBlocks(context))
                {
                    transactions.SendRequests(context);
                    feeFilter.AnnounceIfDue(context);
                }
            }
        }
        finally
        {
            context.State.Gate.Release();
        }
    }

    private async ValueTask DispatchAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        var command = frame.Command;
        var state = peer.State;
        if (command is NetCommands.FilterLoad or NetCommands.FilterAdd && (options.LocalServices & ServiceFlags.Bloom) == 0)
        {
            if (state.Version >= ProtocolVersions.NoBloom)
            {
                peer.Misbehaving(100, $"{command} without NODE_BLOOM");
            }
            else
            {
                peer.Connection.Disconnect($"{command} without NODE_BLOOM");
            }

            return;
        }

        if (command == NetCommands.Reject)
        {
            await handlers[command].HandleAsync(peer, frame, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (command == NetCommands.Version)
        {
            var before = state.VersionReceived;
            handshake.HandleVersion(peer, frame);
            if (!before && state.VersionReceived)
            {
                UpdatePreferredDownload(peer);
                addresses.VersionReceived(peer);
                if (peer.Connection.Kind == ConnectionKind.Feeler)
                {
                    // A feeler only tests that the address answers; it is already marked good.
                    peer.Connection.Disconnect("feeler connection completed");
                }
            }

            return;
        }

        if (!state.VersionReceived)
        {
            peer.Misbehaving(1, $"{command} before version handshake");
            return;
        }

        if (command == NetCommands.Verack)
        {
            handshake.HandleVerack(peer);
            return;
        }

        if (!peer.Connection.HandshakeComplete)
        {
            peer.Misbehaving(1, $"{command} before verack");
            return;
        }

        if (handlers.TryGetValue(command, out var handler))
        {
            await handler.HandleAsync(peer, frame, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Unknown commands are ignored, for extensibility.
            LogUnknownCommand(logger, FrameDecoder.Sanitize(command), peer.Id);
        }
    }

    // The facts eviction weighs that the protocol state holds.
    private static void NoteActivity(PeerContext peer)
    {
        var activity = peer.Connection.Activity;
        activity.MinPing = peer.State.MinPingTime;
        activity.RelevantServices = (peer.State.Services & (ServiceFlags.Network | ServiceFlags.Witness)) == (ServiceFlags.Network | ServiceFlags.Witness);
        activity.RelayTransactions = peer.State.RelayTransactions;
    }

    private void UpdatePreferredDownload(PeerContext peer)
    {
        var connection = peer.Connection;
        var isClient = (peer.State.Services & ServiceFlags.Network) == 0;
        var preferred = !connection.IsInbound || connection.IsWhitelisted;
        downloads.SetPeerServices(peer.Id, isClient, connection.Kind == ConnectionKind.OneShot, peer.State.HaveWitness, preferred);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ProcessMessages({Command}, {Size} bytes): Exception '{Problem}' caught peer={Peer}")]
    private static partial void LogMalformed(ILogger logger, string command, int size, long peer, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "ProcessMessages({Command}) failed peer={Peer}")]
    private static partial void LogHandlerFailed(ILogger logger, string command, long peer, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unknown command \"{Command}\" from peer={Peer}")]
    private static partial void LogUnknownCommand(ILogger logger, string command, long peer);
}
