namespace Faithcoin.P2P.Net.Eviction;

/// <summary>NodeEvictionCandidate: what eviction weighs about one inbound, non-whitelisted peer.</summary>
/// <param name="MinPing">The lowest ping seen; null (none yet) counts as the worst.</param>
/// <param name="LastBlockTime">When it last gave us a block new to us; null for never.</param>
/// <param name="LastTransactionTime">When it last gave us a transaction that entered the pool; null for never.</param>
/// <param name="RelevantServices">It offers what we ask of outbound peers (network and witness).</param>
/// <param name="RelayTransactions">Its version message asked for transactions.</param>
/// <param name="BloomFilter">It loaded a bloom filter.</param>
/// <param name="KeyedNetGroup">Its network group hashed with the node's secret key.</param>
public sealed record EvictionCandidate(
    long Id,
    DateTimeOffset ConnectedAt,
    TimeSpan? MinPing,
    DateTimeOffset? LastBlockTime,
    DateTimeOffset? LastTransactionTime,
    bool RelevantServices,
    bool RelayTransactions,
    bool BloomFilter,
    ulong KeyedNetGroup);
