using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// vExtraTxnForCompact: a ring of the last -blockreconstructionextratxn orphans and refused transactions, which
/// often turn up in the next block although the pool does not hold them. Filled from peers' threads.
/// </summary>
public sealed class ExtraTransactions
{
    private readonly Lock gate = new();
    private readonly (uint256 Wtxid, Transaction Tx)?[] ring;
    private int next;

    public ExtraTransactions(int capacity)
    {
        ring = new (uint256, Transaction)?[Math.Max(capacity, 0)];
    }

    public void Add(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (ring.Length == 0)
        {
            return;
        }

        var entry = (transaction.GetWitHash(), transaction);
        lock (gate)
        {
            ring[next] = entry;
            next = (next + 1) % ring.Length;
        }
    }

    public IReadOnlyList<(uint256 Wtxid, Transaction Tx)> Snapshot()
    {
        lock (gate)
        {
            return ring.Where(e => e is not null).Select(e => e!.Value).ToList();
        }
    }
}
