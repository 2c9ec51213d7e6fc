using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Indexes;
using Faithcoin.Node.Mempool;
using NBitcoin;

namespace Faithcoin.Node.Chain.Queries;

/// <summary>
/// 0.15's GetTransaction with fAllowSlow (getrawtransaction): the mempool first (no block); then, with -txindex, the
/// transaction index; then a confirmed transaction is found while one of its outputs is unspent: the first unspent
/// output found by index (AccessByTxid) gives the height of the block that holds it, and that block is read and
/// searched. The last step also covers blocks a still-syncing index has not reached.
/// </summary>
/// <param name="index">The -txindex index; null (not registered) without -txindex.</param>
public sealed class TransactionLookup(ChainManager chain, IMempoolView mempool, TransactionIndex? index = null)
{
    /// <summary>
    /// 0.15's MAX_OUTPUTS_PER_BLOCK: no block can hold a transaction with more outputs than fit its weight at 9 bytes
    /// (an empty output) each, so AccessByTxid stops looking there.
    /// </summary>
    public const int MaxOutputsPerBlock = ConsensusConstants.MaxBlockWeight / (ConsensusConstants.WitnessScaleFactor * 9);

    /// <param name="Block">The block holding the transaction; null for a mempool transaction.</param>
    public sealed record Found(Transaction Transaction, BlockIndexEntry? Block);

    public Found? Find(uint256 txid)
    {
        ArgumentNullException.ThrowIfNull(txid);
        if (mempool.GetTransaction(txid) is { } pooled)
        {
            return new Found(pooled, null);
        }

        if (index?.Find(txid) is { } indexed)
        {
            return new Found(indexed.Transaction, indexed.Block);
        }

        for (var n = 0; n < MaxOutputsPerBlock; n++)
        {
            // One short lock per outpoint, so a missing transaction does not hold up the chain for the whole scan.
            var coin = chain.GetCoin(new OutPoint(txid, n));
            if (coin is null)
            {
                continue;
            }

            if (chain.GetBlockAtHeight(coin.Height) is not BlockIndexEntry entry || chain.ReadBlock(entry) is not { } block)
            {
                return null;
            }

            var tx = block.Transactions.FirstOrDefault(t => t.GetHash() == txid);
            return tx is null ? null : new Found(tx, entry);
        }

        return null;
    }
}
