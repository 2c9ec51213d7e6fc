using NBitcoin;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// When each transaction was last asked for, from any peer (0.15's mapAlreadyAskedFor): a second peer
/// announcing the same transaction is asked two minutes after the first, so one slow or silent peer does not
/// stall it and many announcers do not each get a getdata. Bounded to MAX_INV_SZ entries, oldest first out.
/// </summary>
public sealed class TransactionRequestSchedule
{
    public const int Capacity = 50_000;

    /// <summary>How long one peer gets to answer before the next announcer is asked.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMinutes(2);

    private readonly Lock gate = new();
    private readonly Dictionary<uint256, DateTimeOffset> lastAsked = [];
    private readonly Queue<uint256> insertionOrder = new();
    private DateTimeOffset lastTime = DateTimeOffset.MinValue;

    /// <summary>
    /// The time a request to one more peer may go out: now (a second in the past, so it is due at once) for a
    /// transaction nobody was asked for, else two minutes after the latest request. Times never repeat, which
    /// keeps requests in the order they were scheduled.
    /// </summary>
    public DateTimeOffset Schedule(uint256 txid, DateTimeOffset now)
    {
        lock (gate)
        {
            var earliest = now - TimeSpan.FromSeconds(1);
            earliest = earliest > lastTime ? earliest : lastTime.AddTicks(1);
            lastTime = earliest;
            DateTimeOffset due;
            if (lastAsked.TryGetValue(txid, out var previous))
            {
                due = previous + RetryInterval > earliest ? previous + RetryInterval : earliest;
            }
            else
            {
                due = earliest;
                insertionOrder.Enqueue(txid);
                TrimToCapacity();
            }

            lastAsked[txid] = due;
            return due;
        }
    }

    /// <summary>The transaction arrived: the next announcer may be asked at once.</summary>
    public void Forget(uint256 txid)
    {
        lock (gate)
        {
            lastAsked.Remove(txid);
        }
    }

    private void TrimToCapacity()
    {
        while (lastAsked.Count >= Capacity && insertionOrder.TryDequeue(out var oldest))
        {
            lastAsked.Remove(oldest);
        }

        // Forgotten ids leave stale entries in the queue; drop them when they pile up.
        if (insertionOrder.Count > 2 * Capacity)
        {
            var live = insertionOrder.Where(lastAsked.ContainsKey).Distinct().ToList();
            insertionOrder.Clear();
            foreach (var id in live)
            {
                insertionOrder.Enqueue(id);
            }
        }
    }
}
