using System.Collections.Concurrent;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Validation;
using Faithcoin.P2P.Protocol.Relay;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Infrastructure;

/// <summary>
/// A small transaction pool for the P2P layer's relay tests, implementing the sink the way the node's
/// mempool does at the interface: a transaction spending an output of a txid in <see cref="Unconfirmed"/>
/// that is not in the pool is an orphan (kept per peer, resolved when the parent arrives); anything else
/// enters the pool at the fee rate its first output's value says (satoshis per kB, for feefilter tests).
/// </summary>
public sealed class PoolSink : ITransactionSink
{
    private readonly Lock gate = new();
    private readonly Dictionary<uint256, Transaction> pool = [];
    private readonly List<(Transaction Orphan, long Peer)> orphans = [];
    private int acceptCalls;

    /// <summary>Txids that are not confirmed: spending them needs them in the pool.</summary>
    public ConcurrentDictionary<uint256, bool> Unconfirmed { get; } = new();

    public ConcurrentQueue<long> DisconnectedPeers { get; } = new();

    /// <summary>Txids the pool refuses by policy (insufficient fee, no penalty).</summary>
    public ConcurrentDictionary<uint256, bool> Refused { get; } = new();

    public int AcceptCalls => Volatile.Read(ref acceptCalls);

    public int OrphanCount
    {
        get
        {
            lock (gate)
            {
                return orphans.Count;
            }
        }
    }

    /// <summary>A transaction whose first output pays <paramref name="feePerKilobyte"/> (read back as its fee rate).</summary>
    public static Transaction Create(long feePerKilobyte, params OutPoint[] spends)
    {
        var tx = ChainParams.Regtest.Network.CreateTransaction();
        foreach (var outPoint in spends.Length > 0 ? spends : [new OutPoint(RandomUtils.GetUInt256(), 0)])
        {
            tx.Inputs.Add(new TxIn(outPoint));
        }

        tx.Outputs.Add(new TxOut(Money.Satoshis(feePerKilobyte), new Script(OpcodeType.OP_TRUE)));
        return tx;
    }

    public bool Contains(uint256 txid)
    {
        lock (gate)
        {
            return pool.ContainsKey(txid);
        }
    }

    /// <summary>Puts a transaction straight into the pool, as a local submission would.</summary>
    public void Add(Transaction transaction)
    {
        lock (gate)
        {
            pool[transaction.GetHash()] = transaction;
        }
    }

    public ValueTask<TransactionAcceptResult> AcceptTransactionAsync(Transaction transaction, long peerId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref acceptCalls);
        if (Refused.ContainsKey(transaction.GetHash()))
        {
            return ValueTask.FromResult(TransactionAcceptResult.Rejected(new ValidationError("mempool min fee not met", 0, RejectCode.InsufficientFee)));
        }

        lock (gate)
        {
            if (pool.ContainsKey(transaction.GetHash()))
            {
                return ValueTask.FromResult(TransactionAcceptResult.NotAccepted("txn-already-in-mempool"));
            }

            if (IsOrphan(transaction))
            {
                orphans.Add((transaction, peerId));
                return ValueTask.FromResult(TransactionAcceptResult.Orphan());
            }

            var entered = new List<RelayedTransaction>();
            Enter(transaction, entered);
            return ValueTask.FromResult(TransactionAcceptResult.Accept(entered));
        }
    }

    public Transaction? FindTransaction(uint256 txid)
    {
        lock (gate)
        {
            return pool.GetValueOrDefault(txid);
        }
    }

    public IReadOnlyList<uint256> GetTransactionIds()
    {
        lock (gate)
        {
            return pool.Keys.ToList();
        }
    }

    public IReadOnlyList<(uint256 Wtxid, Transaction Tx)> GetTransactionsByWitnessHash()
    {
        lock (gate)
        {
            return pool.Values.Select(tx => (tx.GetWitHash(), tx)).ToList();
        }
    }

    public long? GetFeeRate(uint256 txid)
    {
        lock (gate)
        {
            return pool.TryGetValue(txid, out var tx) ? tx.Outputs[0].Value.Satoshi : null;
        }
    }

    public void PeerDisconnected(long peerId)
    {
        DisconnectedPeers.Enqueue(peerId);
        lock (gate)
        {
            orphans.RemoveAll(o => o.Peer == peerId);
        }
    }

    private bool IsOrphan(Transaction transaction) =>
        transaction.Inputs.Any(i => Unconfirmed.ContainsKey(i.PrevOut.Hash) && !pool.ContainsKey(i.PrevOut.Hash));

    // The transaction, then every orphan that no longer misses a parent (AddToMempool, then ProcessOrphanTx).
    private void Enter(Transaction transaction, List<RelayedTransaction> entered)
    {
        pool[transaction.GetHash()] = transaction;
        entered.Add(new RelayedTransaction(transaction.GetHash(), transaction.GetWitHash(), transaction.Outputs[0].Value.Satoshi));
        var resolved = orphans.Where(o => !IsOrphan(o.Orphan)).ToList();
        foreach (var orphan in resolved)
        {
            // An earlier orphan of this round may have pulled it in already.
            if (orphans.Remove(orphan))
            {
                Enter(orphan.Orphan, entered);
            }
        }
    }
}
