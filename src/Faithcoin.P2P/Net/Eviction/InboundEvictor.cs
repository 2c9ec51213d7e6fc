namespace Faithcoin.P2P.Net.Eviction;

/// <summary>
/// AttemptToEvictConnection's side effects: the inbound, non-whitelisted connections become candidates (their
/// netgroups keyed with the node's secret seeds), and the one <see cref="InboundEviction"/> picks is dropped.
/// </summary>
public sealed class InboundEvictor
{
    private readonly DeterministicRandomizer randomizer;

    public InboundEvictor(DeterministicRandomizer randomizer)
    {
        ArgumentNullException.ThrowIfNull(randomizer);
        this.randomizer = randomizer;
    }

    /// <summary>True when a connection was dropped to make room; false when every candidate is protected.</summary>
    public bool TryEvict(IEnumerable<PeerConnection> connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var inbound = connections.Where(p => p.IsInbound && !p.IsWhitelisted && !p.IsDisconnecting).ToList();
        var candidates = inbound
            .Select(p => new EvictionCandidate(
                p.Id,
                p.ConnectedAt,
                p.Activity.MinPing,
                p.Activity.LastBlockTime,
                p.Activity.LastTransactionTime,
                p.Activity.RelevantServices,
                p.Activity.RelayTransactions,
                p.Activity.BloomFilter,
                randomizer.KeyedNetGroup(p.RemoteAddress)))
            .ToList();
        if (InboundEviction.SelectVictim(candidates) is not { } victim)
        {
            return false;
        }

        inbound.Single(p => p.Id == victim).Disconnect("evicted to make room for an inbound connection");
        return true;
    }
}
