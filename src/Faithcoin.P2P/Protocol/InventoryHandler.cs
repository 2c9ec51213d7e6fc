using Faithcoin.P2P.Protocol.Bloom;
using Faithcoin.P2P.Protocol.Compact;
using Faithcoin.P2P.Protocol.Relay;
using Faithcoin.P2P.Protocol.Sync;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// inv, getdata and notfound. Lists over MAX_INV_SZ cost 20 points. A block announced by inv tells us the peer
/// has it; one we do not know (and have not asked anyone for) is fetched headers-first (getheaders up to it),
/// as 0.15 does. An announced transaction becomes known to the peer and is asked for (AskFor; the getdata goes
/// out with SendMessages) unless we already have it, run -blocksonly or are in initial download. getdata is served block by block, waiting whenever the peer's send buffer is full (blocks we
/// cannot serve are skipped silently, as in 0.15); transactions come from what we announced lately (mapRelay),
/// notfound for the rest.
/// </summary>
public sealed class InventoryHandler : IMessageHandler
{
    private readonly IChainSource chain;
    private readonly BlockDownloadTracker tracker;
    private readonly TransactionRelay relay;
    private readonly P2POptions options;
    private readonly CompactBlockSender? compact;

    public InventoryHandler(IChainSource chain, BlockDownloadTracker tracker, TransactionRelay relay, P2POptions options, CompactBlockSender? compact = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(options);
        this.chain = chain;
        this.tracker = tracker;
        this.relay = relay;
        this.options = options;
        this.compact = compact;
    }

    public IReadOnlyCollection<string> Commands { get; } = [NetCommands.Inv, NetCommands.GetData, NetCommands.NotFound];

    public ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        switch (frame.Command)
        {
            case NetCommands.Inv:
                HandleInv(peer, frame.Payload);
                return ValueTask.CompletedTask;
            case NetCommands.GetData:
                return HandleGetDataAsync(peer, frame.Payload, cancellationToken);
            default:
                // 0.15 ignores notfound.
                return ValueTask.CompletedTask;
        }
    }

    private static bool TooMany(PeerContext peer, string command, byte[] payload)
    {
        var count = CompactSizePrefix.ReadCount(payload);
        if (count <= WireLimits.MaxInventoryEntries)
        {
            return false;
        }

        peer.Misbehaving(20, $"message {command} size() = {count}");
        return true;
    }

    private static bool IsBlock(InventoryType type) =>
        (type & ~InventoryType.MSG_WITNESS_FLAG) is InventoryType.MSG_BLOCK or InventoryType.MSG_CMPCT_BLOCK;

    private static bool IsRequestedBlock(InventoryType type) => IsBlock(type) || type == InventoryType.MSG_FILTERED_BLOCK;

    private void HandleInv(PeerContext peer, byte[] payload)
    {
        if (TooMany(peer, NetCommands.Inv, payload))
        {
            return;
        }

        var inventory = peer.Serializer.Deserialize<InvPayload>(payload).Inventory;
        var blocksOnly = !options.RelayTransactions && !peer.Connection.IsWhitelisted;
        foreach (var item in inventory)
        {
            if (item.Type == InventoryType.MSG_TX)
            {
                AnnouncedTransaction(peer, item.Hash, blocksOnly);
                continue;
            }

            if (!IsBlock(item.Type))
            {
                continue;
            }

            tracker.UpdateBlockAvailability(peer.Id, item.Hash);
            if (chain.FindHeader(item.Hash) is null && !tracker.IsInFlight(item.Hash))
            {
                // Announcements are headers-first now: ask for the headers, then download what they show.
                peer.SendGetHeaders(chain.GetLocator(chain.BestHeader), item.Hash);
            }
        }
    }

    private void AnnouncedTransaction(PeerContext peer, uint256 txid, bool blocksOnly)
    {
        peer.State.Transactions.AddKnown(txid);
        if (!blocksOnly && !chain.IsInitialBlockDownload && !relay.AlreadyHave(txid))
        {
            relay.AskFor(peer, txid);
        }
    }

    private async ValueTask HandleGetDataAsync(PeerContext peer, byte[] payload, CancellationToken cancellationToken)
    {
        if (TooMany(peer, NetCommands.GetData, payload))
        {
            return;
        }

        var inventory = peer.Serializer.Deserialize<GetDataPayload>(payload).Inventory;
        var notFound = new List<InventoryVector>();
        foreach (var item in inventory)
        {
            if (peer.Connection.IsDisconnecting)
            {
                return;
            }

            if (!IsRequestedBlock(item.Type))
            {
                if ((item.Type & ~InventoryType.MSG_WITNESS_FLAG) == InventoryType.MSG_TX)
                {
                    ServeTransaction(peer, item, notFound);
                }

                continue;
            }

            await peer.Connection.WaitForSendRoomAsync(cancellationToken).ConfigureAwait(false);
            if (!await ServeBlockAsync(peer, item, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (peer.State.HashContinue is { } next && next == item.Hash)
            {
                // The end of a cut getblocks answer: an inv of our tip makes the peer ask for the next batch.
                peer.Send(NetCommands.Inv, new InvPayload(new InventoryVector(InventoryType.MSG_BLOCK, chain.Tip.HashBlock)));
                peer.State.HashContinue = null;
            }
        }

        if (notFound.Count > 0)
        {
            peer.Send(NetCommands.NotFound, new NotFoundPayload(notFound.ToArray()));
        }
    }

    // False when the block is not served (unknown, pruned, or not on the active chain and not valid).
    private async ValueTask<bool> ServeBlockAsync(PeerContext peer, InventoryVector item, CancellationToken cancellationToken)
    {
        // The block announced before it connected: the chain will not serve it until it has.
        if (item.Type == InventoryType.MSG_CMPCT_BLOCK && compact is not null && compact.TryServeRecent(peer, item.Hash))
        {
            return true;
        }

        var bytes = await chain.ReadBlockAsync(item.Hash, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return false;
        }

        if (item.Type == InventoryType.MSG_FILTERED_BLOCK)
        {
            FilteredBlockServer.Serve(peer, peer.Serializer.DeserializeBlock(bytes));
        }
        else if (item.Type == InventoryType.MSG_CMPCT_BLOCK && compact is not null)
        {
            compact.ServeGetData(peer, chain.FindHeader(item.Hash), bytes);
        }
        else if ((item.Type & InventoryType.MSG_WITNESS_FLAG) != 0)
        {
            peer.Send(NetCommands.Block, bytes);
        }
        else
        {
            // MSG_BLOCK asks for the block without witness data.
            var block = peer.Serializer.DeserializeBlock(bytes);
            peer.Send(NetCommands.Block, block, TransactionOptions.None);
        }

        return true;
    }

    private void ServeTransaction(PeerContext peer, InventoryVector item, List<InventoryVector> notFound)
    {
        var transaction = relay.FindForGetData(peer, item.Hash);
        if (transaction is null)
        {
            notFound.Add(item);
            return;
        }

        var options = (item.Type & InventoryType.MSG_WITNESS_FLAG) != 0 ? TransactionOptions.All : TransactionOptions.None;
        peer.Send(NetCommands.Tx, transaction, options);
    }
}
