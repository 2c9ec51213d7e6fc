using Faithcoin.Consensus.Rules.Transactions;
using Faithcoin.Node.Chain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NBitcoin;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// Keeps the pool in step with the active chain: a connected block takes its transactions and their conflicts out;
/// a disconnected block's transactions wait until the new tip is known, then go back in through acceptance (no fee
/// floor, no package limits), after which entries that are no longer final or mature leave (0.15's
/// UpdateMempoolForReorg and removeForReorg). It subscribes when the host starts, before the chain loads; it cannot be
/// a registered <see cref="IChainNotifications"/> because it reads the chain manager, which owns the notifications.
/// </summary>
public sealed class MempoolChainSync(
    ChainManager chain,
    TransactionPool pool,
    MempoolAcceptor acceptor,
    OrphanPool orphans,
    ILogger<MempoolChainSync> logger) : IChainNotifications, IHostedService
{
    private readonly Lock gate = new();
    private readonly List<List<Transaction>> disconnected = [];
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = chain.Events.Subscribe(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void BlockConnected(Block block, BlockIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(entry);
        pool.RemoveForBlock(block.Transactions, entry.Height);
        orphans.RemoveForBlock(block);
        lock (gate)
        {
            if (disconnected.Count > 0)
            {
                var confirmed = block.Transactions.Select(t => t.GetHash()).ToHashSet();
                foreach (var transactions in disconnected)
                {
                    transactions.RemoveAll(t => confirmed.Contains(t.GetHash()));
                }
            }
        }
    }

    public void BlockDisconnected(Block block, BlockIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(block);
        lock (gate)
        {
            disconnected.Add(block.Transactions.Where(t => !t.IsCoinBase).ToList());
        }
    }

    public void UpdatedBlockTip(BlockIndexEntry newTip, BlockIndexEntry? forkPoint, bool initialDownload)
    {
        List<List<Transaction>> blocks;
        lock (gate)
        {
            if (disconnected.Count == 0)
            {
                return;
            }

            blocks = [.. disconnected];
            disconnected.Clear();
        }

        // Disconnected tip first; re-add the oldest block's transactions first so parents precede children.
        blocks.Reverse();
        var readded = new List<MempoolEntry>();
        var failed = 0;
        foreach (var tx in blocks.SelectMany(b => b))
        {
            var result = acceptor.Accept(tx, bypassLimits: true);
            if (result.Accepted && pool.Find(tx.GetHash()) is { } added)
            {
                readded.Add(added);
            }
            else if (!result.Accepted)
            {
                failed++;
                pool.RemoveRecursive(tx.GetHash(), MempoolRemovalReason.Reorg);
                RemoveSpendersOf(tx);
            }
        }

        pool.RelinkAfterReorg(readded);
        RemoveForReorg();
        pool.TrimToSize(pool.Settings.MaxMempoolBytes);
        logger.LogInformation("Reorganisation: {Readded} transactions back in the mempool, {Failed} not", readded.Count, failed);
    }

    /// <summary>A transaction that could not come back takes the pool's spenders of its outputs with it.</summary>
    private void RemoveSpendersOf(Transaction tx)
    {
        var txid = tx.GetHash();
        for (var n = 0u; n < tx.Outputs.Count; n++)
        {
            if (pool.FindSpender(new OutPoint(txid, n)) is { } spender)
            {
                pool.RemoveRecursive(spender.Txid, MempoolRemovalReason.Reorg);
            }
        }
    }

    /// <summary>removeForReorg: entries not final at the next block, failing BIP68, or spending an immature coinbase.</summary>
    private void RemoveForReorg()
    {
        var maturity = chain.ChainParams.Consensus.CoinbaseMaturity;
        chain.ReadLocked(context =>
        {
            lock (pool.Gate)
            {
                var tip = context.Active.Tip!;
                var medianTimePast = tip.GetMedianTimePast();
                var stale = new List<MempoolEntry>();
                foreach (var entry in pool.Snapshot())
                {
                    var tx = entry.Transaction;
                    var heights = new int[tx.Inputs.Count];
                    var bad = !TransactionFinality.IsFinal(tx, tip.Height + 1, medianTimePast);
                    for (var i = 0; i < tx.Inputs.Count && !bad; i++)
                    {
                        var prevout = tx.Inputs[i].PrevOut;
                        if (pool.GetOutput(prevout) is not null)
                        {
                            heights[i] = tip.Height + 1;
                            continue;
                        }

                        var coin = context.Coins.GetCoin(prevout);
                        bad = coin is null || (coin.IsCoinbase && tip.Height + 1 - coin.Height < maturity);
                        heights[i] = coin?.Height ?? 0;
                    }

                    bad = bad || !SequenceLocks.Evaluate(SequenceLocks.Calculate(tx, true, heights, tip), tip);
                    if (bad)
                    {
                        stale.Add(entry);
                    }
                }

                foreach (var entry in stale)
                {
                    pool.RemoveRecursive(entry.Txid, MempoolRemovalReason.Reorg);
                }

                return stale.Count;
            }
        });
    }
}
