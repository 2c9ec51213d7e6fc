using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// One peer's queue of transactions to ask it for (0.15's mapAskFor and setAskFor): each with the earliest
/// time the getdata may go out. Only the holder of the peer's gate touches it.
/// </summary>
public sealed class PeerTransactionRequests
{
    /// <summary>MAPASKFOR_MAX_SZ (MAX_INV_SZ).</summary>
    public const int MaxQueued = 50_000;

    /// <summary>SETASKFOR_MAX_SZ (2 × MAX_INV_SZ).</summary>
    public const int MaxAsked = 100_000;

    private readonly PriorityQueue<InventoryVector, (DateTimeOffset Due, long Order)> queue = new();
    private readonly HashSet<uint256> asked = [];
    private long order;

    public bool IsFull => queue.Count > MaxQueued || asked.Count > MaxAsked;

    /// <summary>setAskFor: false when a request for the same txid is already outstanding.</summary>
    public bool MarkAsked(uint256 txid) => asked.Add(txid);

    public void Enqueue(InventoryVector item, DateTimeOffset due)
    {
        ArgumentNullException.ThrowIfNull(item);
        queue.Enqueue(item, (due, order++));
    }

    /// <summary>The peer sent it, or we will not ask after all: no answer is outstanding.</summary>
    public void Forget(uint256 txid) => asked.Remove(txid);

    /// <summary>The next request whose time has come, or null.</summary>
    public InventoryVector? TakeDue(DateTimeOffset now)
    {
        if (queue.TryPeek(out var item, out var key) && key.Due <= now)
        {
            queue.Dequeue();
            return item;
        }

        return null;
    }
}
