using Faithcoin.Node.Mempool.FeeEstimation;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mempool.FeeEstimation;

/// <summary>
/// Drives an estimator as the mempool will: entries enter at the current height, and a block takes some of them
/// (processBlock before the removals, as 0.15's removeForBlock). Transactions are 188 virtual bytes, the size of
/// policyestimator_tests.cpp's template, so fees map to the same fee rates.
/// </summary>
internal sealed class SimulatedPool(BlockPolicyEstimator estimator, int startHeight = 0)
{
    public const int VirtualSize = 188;

    private readonly Dictionary<uint256, FeeEstimatorEntry> pool = [];
    private int nextId;

    public int Height { get; private set; } = startHeight;

    public int Count => pool.Count;

    public FeeEstimatorEntry Add(long fee)
    {
        var entry = new FeeEstimatorEntry(NextTxid(), Height, fee, VirtualSize);
        pool.Add(entry.Txid, entry);
        estimator.ProcessTransaction(entry, validFeeEstimate: true);
        return entry;
    }

    /// <summary>Connects the next block with the given pool transactions (those still in the pool).</summary>
    public void MineBlock(IEnumerable<uint256> txids)
    {
        var confirmed = txids.Where(pool.ContainsKey).Select(id => pool[id]).ToList();
        Height++;
        estimator.ProcessBlock(Height, confirmed);
        foreach (var entry in confirmed)
        {
            pool.Remove(entry.Txid);
            estimator.RemoveTransaction(entry.Txid, inBlock: true);
        }
    }

    public void MineEmptyBlocks(int count)
    {
        for (var i = 0; i < count; i++)
        {
            MineBlock([]);
        }
    }

    /// <summary>A transaction evicted or expired without confirming.</summary>
    public void Evict(uint256 txid)
    {
        if (pool.Remove(txid))
        {
            estimator.RemoveTransaction(txid, inBlock: false);
        }
    }

    private uint256 NextTxid()
    {
        var bytes = new byte[32];
        BitConverter.TryWriteBytes(bytes, ++nextId);
        bytes[31] = 0xfe;
        return new uint256(bytes);
    }
}
