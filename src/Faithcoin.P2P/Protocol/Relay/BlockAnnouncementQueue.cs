using NBitcoin;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// vBlockHashesToAnnounce: new tip blocks waiting for the peer's next SendMessages. Filled from the chain's
/// notification thread while the peer's own thread drains it, hence its own lock.
/// </summary>
public sealed class BlockAnnouncementQueue
{
    private readonly Lock gate = new();
    private readonly List<uint256> hashes = [];

    public void Add(IEnumerable<uint256> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        lock (gate)
        {
            hashes.AddRange(blocks);
        }
    }

    public IReadOnlyList<uint256> TakeAll()
    {
        lock (gate)
        {
            if (hashes.Count == 0)
            {
                return [];
            }

            var taken = hashes.ToList();
            hashes.Clear();
            return taken;
        }
    }
}
