using NBitcoin;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// mapRelay: the transactions we announced in the last 15 minutes, the ones getdata is answered from. Serving
/// only what was announced keeps peers from probing the pool for transactions we never told them about
/// (which would reveal where a transaction entered the network), and keeps serving a transaction for a while
/// after a block took it out of the pool. Entries expire as new ones come in, as in 0.15.
/// </summary>
public sealed class RelayMemory
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly Lock gate = new();
    private readonly Dictionary<uint256, Transaction> transactions = [];
    private readonly Queue<(DateTimeOffset Expiry, uint256 Txid)> expiries = new();

    public void Remember(Transaction transaction, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        lock (gate)
        {
            while (expiries.TryPeek(out var oldest) && oldest.Expiry < now)
            {
                expiries.Dequeue();
                transactions.Remove(oldest.Txid);
            }

            var txid = transaction.GetHash();
            if (transactions.TryAdd(txid, transaction))
            {
                expiries.Enqueue((now + Lifetime, txid));
            }
        }
    }

    public Transaction? Find(uint256 txid)
    {
        lock (gate)
        {
            return transactions.GetValueOrDefault(txid);
        }
    }
}
