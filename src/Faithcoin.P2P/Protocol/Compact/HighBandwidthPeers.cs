using Faithcoin.P2P.Wire;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// lNodesAnnouncingHeaderAndIDs: the (at most three) peers we asked to announce new blocks to us as cmpctblock.
/// The peer whose block last connected is asked (or moved to the back); the oldest is told to stop when a
/// fourth joins.
/// </summary>
public sealed class HighBandwidthPeers
{
    private const int MaxAnnouncers = 3;

    private readonly Lock gate = new();
    private readonly LinkedList<long> announcers = new();
    private readonly PeerTable peers;
    private readonly P2POptions options;

    public HighBandwidthPeers(PeerTable peers, P2POptions options)
    {
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentNullException.ThrowIfNull(options);
        this.peers = peers;
        this.options = options;
    }

    public IReadOnlyList<long> Announcers
    {
        get
        {
            lock (gate)
            {
                return announcers.ToList();
            }
        }
    }

    /// <summary>MaybeSetPeerAsAnnouncingHeaderAndIDs, for the peer that sent the block that just connected.</summary>
    public void BlockFrom(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var state = peer.State.Compact;

        // Never ask peers that cannot give us the version we want (witnesses, once we serve them).
        if (!state.SupportsDesiredVersion || !state.ProvidesHeaderAndIds)
        {
            return;
        }

        var version = (options.LocalServices & ServiceFlags.Witness) != 0 ? 2UL : 1UL;
        lock (gate)
        {
            if (announcers.Remove(peer.Id))
            {
                announcers.AddLast(peer.Id);
                return;
            }

            if (announcers.Count >= MaxAnnouncers)
            {
                var oldest = announcers.First!.Value;
                announcers.RemoveFirst();
                if (peers.TryGet(oldest, out var stopping))
                {
                    stopping.Send(NetCommands.SendCmpct, new SendCmpctPayload(false) { Version = version });
                }
            }

            peer.Send(NetCommands.SendCmpct, new SendCmpctPayload(true) { Version = version });
            announcers.AddLast(peer.Id);
        }
    }
}
