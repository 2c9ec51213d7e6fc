using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Mining;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.Mining;

/// <summary>
/// 0.15's nLastBlockWeight and nLastBlockTx: the size of the last block the node assembled (getblocktemplate or a
/// generate call), as getmininginfo reports it. The weight counts the coinbase's reserved 4,000 but not the coinbase.
/// </summary>
public sealed class MiningStatistics
{
    private long lastBlockWeight;
    private long lastBlockTransactions;

    public long LastBlockWeight => Interlocked.Read(ref lastBlockWeight);

    public long LastBlockTransactions => Interlocked.Read(ref lastBlockTransactions);

    public void Record(BlockTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var transactions = template.Block.Transactions.Skip(1).ToList();
        var weight = BlockAssemblerOptions.CoinbaseReservedWeight + transactions.Sum(tx =>
            (tx.GetSerializedSize(TransactionOptions.None) * (ConsensusConstants.WitnessScaleFactor - 1)) + tx.GetSerializedSize(TransactionOptions.Witness));
        Interlocked.Exchange(ref lastBlockWeight, weight);
        Interlocked.Exchange(ref lastBlockTransactions, transactions.Count);
    }
}
