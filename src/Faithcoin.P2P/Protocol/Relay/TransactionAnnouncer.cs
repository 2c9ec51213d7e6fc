using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// The transaction steps of SendMessages. Inventory trickles: a peer's queued txids go out at Poisson-spaced
/// moments (on average every INVENTORY_BROADCAST_INTERVAL for inbound peers, half that for outbound ones,
/// every pass for whitelisted ones), at most INVENTORY_BROADCAST_MAX per trickle, parents before children and
/// higher fee rates first; txids the peer knows, that left the pool, pay less than its feefilter or miss its bloom
/// filter are dropped (a matching one updates the filter).
/// A pending mempool request is answered at a trickle too. Then due transaction requests go out as getdata.
/// </summary>
public sealed class TransactionAnnouncer
{
    /// <summary>INVENTORY_BROADCAST_MAX: 7 per second of the 5 s interval.</summary>
    public const int MaxPerTrickle = 35;

    /// <summary>The most entries one getdata for transactions carries before another is started.</summary>
    private const int MaxGetDataBatch = 1000;

    private readonly TransactionRelay relay;
    private readonly P2POptions options;
    private readonly TimeProvider time;
    private readonly PoissonDelay poisson;

    public TransactionAnnouncer(TransactionRelay relay, P2POptions options, TimeProvider time, PoissonDelay poisson)
    {
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(poisson);
        this.relay = relay;
        this.options = options;
        this.time = time;
        this.poisson = poisson;
    }

    public TransactionRelay Relay => relay;

    /// <summary>The average trickle interval for a peer: 0.15 halves it for outbound peers (fewer privacy concerns).</summary>
    public TimeSpan AverageInterval(bool inbound)
    {
        var interval = options.InventoryBroadcastInterval;
        if (inbound)
        {
            return interval;
        }

        // 0.15 shifts whole seconds right by one: 5 s becomes 2 s, not 2.5 s.
        return interval.Ticks % TimeSpan.TicksPerSecond == 0
            ? TimeSpan.FromSeconds((long)interval.TotalSeconds >> 1)
            : interval / 2;
    }

    public void SendInventory(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var state = peer.State;
        var now = time.GetUtcNow();
        var trickle = peer.Connection.IsWhitelisted;
        if (state.NextInventorySend < now)
        {
            trickle = true;
            state.NextInventorySend = now + poisson.Next(AverageInterval(peer.Connection.IsInbound));
        }

        if (!trickle)
        {
            return;
        }

        if (!state.RelayTransactions)
        {
            state.Transactions.ClearPending();
        }

        var inventory = new List<InventoryVector>();
        if (state.MempoolRequested)
        {
            state.MempoolRequested = false;
            AnswerMempool(state, inventory);
            state.LastMempoolRequest = now;
        }

        Trickle(state, inventory, now);
        foreach (var chunk in inventory.Chunk(WireLimits.MaxInventoryEntries))
        {
            peer.Send(NetCommands.Inv, new InvPayload(chunk));
        }
    }

    /// <summary>getdata for the transactions whose request time has come and that we still lack.</summary>
    public void SendRequests(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var requests = peer.State.TransactionRequests;
        var now = time.GetUtcNow();
        var batch = new List<InventoryVector>();
        while (requests.TakeDue(now) is { } item)
        {
            if (relay.AlreadyHave(item.Hash))
            {
                // Not asking means not expecting an answer.
                requests.Forget(item.Hash);
                continue;
            }

            batch.Add(item);
            if (batch.Count >= MaxGetDataBatch)
            {
                peer.Send(NetCommands.GetData, new GetDataPayload(batch.ToArray()));
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            peer.Send(NetCommands.GetData, new GetDataPayload(batch.ToArray()));
        }
    }

    private void AnswerMempool(PeerState state, List<InventoryVector> inventory)
    {
        var filter = state.FeeFilterReceived;
        foreach (var txid in relay.Sink.GetTransactionIds())
        {
            state.Transactions.Remove(txid);
            if (filter > 0 && (relay.Sink.GetFeeRate(txid) ?? 0) < filter)
            {
                continue;
            }

            if (relay.Sink.FindTransaction(txid) is not { } transaction || !state.Bloom.IsRelevantAndUpdate(transaction))
            {
                continue;
            }

            state.Transactions.AddKnown(txid);
            inventory.Add(new InventoryVector(InventoryType.MSG_TX, txid));
        }
    }

    private void Trickle(PeerState state, List<InventoryVector> inventory, DateTimeOffset now)
    {
        var filter = state.FeeFilterReceived;
        var sent = 0;
        foreach (var candidate in AnnouncementOrder(state.Transactions.Pending()))
        {
            if (sent >= MaxPerTrickle)
            {
                break;
            }

            if (!state.Transactions.TakeUnknown(candidate.Txid) || candidate is not { FeeRate: { } rate, Transaction: { } transaction })
            {
                // Known already, or no longer in the pool.
                continue;
            }

            if (filter > 0 && rate < filter)
            {
                continue;
            }

            if (!state.Bloom.IsRelevantAndUpdate(transaction))
            {
                continue;
            }

            inventory.Add(new InventoryVector(InventoryType.MSG_TX, candidate.Txid));
            relay.Memory.Remember(transaction, now);
            state.Transactions.AddKnown(candidate.Txid);
            sent++;
        }
    }

    // 0.15's CompareInvMempoolOrder: fewer ancestors first (so parents precede children), then higher fee
    // rate. Ancestors are counted among the queued txids, which are the ones whose order matters here.
    private List<Candidate> AnnouncementOrder(IReadOnlyList<uint256> pending)
    {
        var sink = relay.Sink;
        var found = pending.ToDictionary(txid => txid, sink.FindTransaction);
        var parents = found.ToDictionary(
            entry => entry.Key,
            entry => entry.Value is null ? [] : entry.Value.Inputs.Select(i => i.PrevOut.Hash).Distinct().ToArray());
        var depth = new Dictionary<uint256, int>(pending.Count);
        return pending
            .Select(txid => new Candidate(txid, found[txid], found[txid] is null ? null : sink.GetFeeRate(txid), Depth(txid, parents, depth, 0)))
            .OrderBy(c => c.FeeRate is null ? 0 : 1)
            .ThenBy(c => c.Depth)
            .ThenByDescending(c => c.FeeRate)
            .ThenBy(c => c.Txid)
            .ToList();
    }

    private static int Depth(uint256 txid, Dictionary<uint256, uint256[]> parents, Dictionary<uint256, int> depth, int guard)
    {
        if (depth.TryGetValue(txid, out var known))
        {
            return known;
        }

        var result = 0;
        if (guard < 100)
        {
            foreach (var parent in parents[txid])
            {
                if (parents.ContainsKey(parent))
                {
                    result = Math.Max(result, Depth(parent, parents, depth, guard + 1) + 1);
                }
            }
        }

        depth[txid] = result;
        return result;
    }

    private sealed record Candidate(uint256 Txid, Transaction? Transaction, long? FeeRate, int Depth);
}
