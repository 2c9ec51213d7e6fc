using NBitcoin;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// A bounded set that remembers at least the last <c>capacity</c> ids inserted (0.15 uses a rolling bloom
/// filter for the same job; this one has no false positives). Two generations: when the newer one is full the
/// older one is dropped. Not thread-safe: the owner locks.
/// </summary>
public sealed class RollingTxidSet
{
    private readonly int capacity;
    private HashSet<uint256> current = [];
    private HashSet<uint256> previous = [];

    public RollingTxidSet(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.capacity = capacity;
    }

    public bool Contains(uint256 id) => current.Contains(id) || previous.Contains(id);

    public void Add(uint256 id)
    {
        if (Contains(id))
        {
            return;
        }

        if (current.Count >= capacity)
        {
            previous = current;
            current = [];
        }

        current.Add(id);
    }

    public void Clear()
    {
        current.Clear();
        previous.Clear();
    }
}
