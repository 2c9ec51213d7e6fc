using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// inv, getdata and notfound. Lists over MAX_INV_SZ cost 20 points. A block announced by inv that we do not
/// know is fetched headers-first (getheaders up to it), as 0.15 does; getdata is served block by block,
/// waiting whenever the peer's send buffer is full; transactions are answered with notfound until a mempool exists.
/// </summary>
public sealed class InventoryHandler : IMessageHandler
{
    private readonly IChainSource chain;

    public InventoryHandler(IChainSource chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        this.chain = chain;
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
        (type & ~InventoryType.MSG_WITNESS_FLAG) is InventoryType.MSG_BLOCK;

    private void HandleInv(PeerContext peer, byte[] payload)
    {
        if (TooMany(peer, NetCommands.Inv, payload))
        {
            return;
        }

        var inventory = peer.Serializer.Deserialize<InvPayload>(payload).Inventory;
        foreach (var item in inventory)
        {
            if (IsBlock(item.Type) && chain.FindHeader(item.Hash) is null)
            {
                peer.SendGetHeaders(chain.GetLocator(chain.BestHeader), item.Hash);
            }
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

            if (!IsBlock(item.Type))
            {
                if ((item.Type & ~InventoryType.MSG_WITNESS_FLAG) == InventoryType.MSG_TX)
                {
                    notFound.Add(item);
                }

                continue;
            }

            await peer.Connection.WaitForSendRoomAsync(cancellationToken).ConfigureAwait(false);
            var bytes = await chain.ReadBlockAsync(item.Hash, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                continue;
            }

            if ((item.Type & InventoryType.MSG_WITNESS_FLAG) != 0)
            {
                peer.Send(NetCommands.Block, bytes);
            }
            else
            {
                // MSG_BLOCK asks for the block without witness data.
                var block = peer.Serializer.DeserializeBlock(bytes);
                peer.Send(NetCommands.Block, block, TransactionOptions.None);
            }
        }

        if (notFound.Count > 0)
        {
            peer.Send(NetCommands.NotFound, new NotFoundPayload(notFound.ToArray()));
        }
    }
}
