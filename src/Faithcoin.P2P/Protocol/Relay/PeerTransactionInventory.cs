using NBitcoin;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// One peer's transaction inventory (0.15's filterInventoryKnown and setInventoryTxToSend under cs_inventory):
/// what the peer is known to have, and what waits for its next trickle. Relay from other peers' threads
/// fills it while the peer's own SendMessages drains it, hence its own lock.
/// </summary>
public sealed class PeerTransactionInventory
{
    /// <summary>filterInventoryKnown's size in 0.15.</summary>
    public const int KnownCapacity = 50_000;

    private readonly Lock gate = new();
    private readonly RollingTxidSet known = new(KnownCapacity);
    private readonly HashSet<uint256> toSend = [];

    /// <summary>How many txids wait for the next trickle.</summary>
    public int PendingCount
    {
        get
        {
            lock (gate)
            {
                return toSend.Count;
            }
        }
    }

    /// <summary>AddInventoryKnown: the peer has it (sent it, announced it, or heard it from us).</summary>
    public void AddKnown(uint256 txid)
    {
        lock (gate)
        {
            known.Add(txid);
        }
    }

    public bool IsKnown(uint256 txid)
    {
        lock (gate)
        {
            return known.Contains(txid);
        }
    }

    /// <summary>PushInventory: queue for the next trickle unless the peer already knows it.</summary>
    public void Push(uint256 txid)
    {
        lock (gate)
        {
            if (!known.Contains(txid))
            {
                toSend.Add(txid);
            }
        }
    }

    public IReadOnlyList<uint256> Pending()
    {
        lock (gate)
        {
            return toSend.ToList();
        }
    }

    /// <summary>Takes <paramref name="txid"/> off the queue; true when it was queued and the peer does not know it yet.</summary>
    public bool TakeUnknown(uint256 txid)
    {
        lock (gate)
        {
            return toSend.Remove(txid) && !known.Contains(txid);
        }
    }

    public void Remove(uint256 txid)
    {
        lock (gate)
        {
            toSend.Remove(txid);
        }
    }

    public void ClearPending()
    {
        lock (gate)
        {
            toSend.Clear();
        }
    }
}
