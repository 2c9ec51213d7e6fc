using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// The protocol side's connected peers by id: <see cref="PeerLogic"/> adds and removes them, relay walks
/// them (0.15's ForEachNode).
/// </summary>
public sealed class PeerTable
{
    private readonly ConcurrentDictionary<long, PeerContext> peers = new();

    public IEnumerable<PeerContext> All => peers.Values;

    public void Add(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        peers[peer.Id] = peer;
    }

    public bool TryGet(long id, [MaybeNullWhen(false)] out PeerContext peer) => peers.TryGetValue(id, out peer);

    public bool TryRemove(long id, [MaybeNullWhen(false)] out PeerContext peer) => peers.TryRemove(id, out peer);
}
