namespace Faithcoin.P2P.Net.Eviction;

/// <summary>
/// The facts about a connection that the protocol logic learns and eviction weighs (0.15 keeps them in CNode:
/// nMinPingUsecTime, nLastBlockTime, nLastTXTime, nServices, fRelayTxes, pfilter). Written by the peer's
/// message handling, read by the accepting thread, so every field is a single atomic value.
/// </summary>
public sealed class PeerActivity
{
    private readonly TimeProvider time;
    private long minPingTicks = long.MaxValue;
    private long lastBlockUnixMs;
    private long lastTransactionUnixMs;
    private int relevantServices;
    private int relayTransactions;
    private int bloomFilter;

    public PeerActivity(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
    }

    public TimeSpan? MinPing
    {
        get => Interlocked.Read(ref minPingTicks) is var t && t != long.MaxValue ? TimeSpan.FromTicks(t) : null;
        set => Interlocked.Exchange(ref minPingTicks, value?.Ticks ?? long.MaxValue);
    }

    public DateTimeOffset? LastBlockTime
    {
        get => FromUnixMs(Interlocked.Read(ref lastBlockUnixMs));
        set => Interlocked.Exchange(ref lastBlockUnixMs, value?.ToUnixTimeMilliseconds() ?? 0);
    }

    public DateTimeOffset? LastTransactionTime
    {
        get => FromUnixMs(Interlocked.Read(ref lastTransactionUnixMs));
        set => Interlocked.Exchange(ref lastTransactionUnixMs, value?.ToUnixTimeMilliseconds() ?? 0);
    }

    public bool RelevantServices
    {
        get => Volatile.Read(ref relevantServices) != 0;
        set => Volatile.Write(ref relevantServices, value ? 1 : 0);
    }

    public bool RelayTransactions
    {
        get => Volatile.Read(ref relayTransactions) != 0;
        set => Volatile.Write(ref relayTransactions, value ? 1 : 0);
    }

    public bool BloomFilter
    {
        get => Volatile.Read(ref bloomFilter) != 0;
        set => Volatile.Write(ref bloomFilter, value ? 1 : 0);
    }

    /// <summary>nLastTXTime: a transaction from this peer entered the pool.</summary>
    public void TransactionAccepted() => LastTransactionTime = time.GetUtcNow();

    /// <summary>nLastBlockTime: a block from this peer was new to us.</summary>
    public void BlockAccepted() => LastBlockTime = time.GetUtcNow();

    private static DateTimeOffset? FromUnixMs(long value) => value == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(value);
}
