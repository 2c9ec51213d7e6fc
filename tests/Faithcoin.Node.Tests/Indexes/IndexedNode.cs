using Faithcoin.Node.Chain.Queries;
using Faithcoin.Node.Indexes;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Mempool.Policy;
using Faithcoin.Node.Tests.Chain;

namespace Faithcoin.Node.Tests.Indexes;

/// <summary>A regtest chain over real RocksDB with a transaction index in its own RocksDB, following the chain's notifications.</summary>
internal sealed class IndexedNode : IDisposable
{
    private IDisposable? subscription;

    private IndexedNode(ChainNode node, TransactionIndexStore store)
    {
        Node = node;
        Store = store;
        Index = new TransactionIndex(node.Chain, store);
        Pool = new TransactionPool(new PolicySettings(), [], TimeProvider.System);
        Lookup = new TransactionLookup(node.Chain, Pool, Index);
        Follow();
    }

    public ChainNode Node { get; }

    public TransactionIndexStore Store { get; }

    public TransactionIndex Index { get; }

    public TransactionPool Pool { get; }

    public TransactionLookup Lookup { get; }

    public static IndexedNode Open(string folder) =>
        new(ChainNode.Open(folder), TransactionIndexStore.Open(TransactionIndexServiceCollectionExtensions.PathIn(folder)));

    public void Follow() => subscription ??= Node.Chain.Events.Subscribe(Index);

    /// <summary>Stops following the chain, as a node whose index lags behind (notifications lost to a crash).</summary>
    public void StopFollowing()
    {
        subscription?.Dispose();
        subscription = null;
    }

    /// <summary>Runs the catch-up walk to the tip; returns how many steps it took.</summary>
    public int SyncToTip()
    {
        var steps = 0;
        while (Index.SyncStep())
        {
            steps++;
            Assert.True(steps < 10_000, "the sync does not end");
        }

        return steps;
    }

    public void Dispose()
    {
        StopFollowing();
        Store.Dispose();
        Node.Dispose();
    }
}
