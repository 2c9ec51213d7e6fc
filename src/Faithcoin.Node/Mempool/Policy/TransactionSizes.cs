using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// GetTransactionWeight and 0.15's GetVirtualTransactionSize: the weight, and the virtual size the pool and its
/// fee checks use, which charges -bytespersigop bytes per sigop when that is larger than the weight.
/// </summary>
public static class TransactionSizes
{
    /// <summary>BIP141 weight: size without witness x 3 + size with witness.</summary>
    public static long Weight(Transaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx.GetSerializedSize(TransactionOptions.None) * (ConsensusConstants.WitnessScaleFactor - 1L) +
            tx.GetSerializedSize(TransactionOptions.Witness);
    }

    /// <summary>max(weight, sigop cost x bytes per sigop) / 4, rounded up.</summary>
    public static long VirtualSize(long weight, long sigOpCost, uint bytesPerSigOp) =>
        (Math.Max(weight, sigOpCost * bytesPerSigOp) + ConsensusConstants.WitnessScaleFactor - 1) / ConsensusConstants.WitnessScaleFactor;

    public static long VirtualSize(Transaction tx, long sigOpCost, uint bytesPerSigOp) =>
        VirtualSize(Weight(tx), sigOpCost, bytesPerSigOp);

    /// <summary>The plain virtual size (no sigop charge), as getrawtransaction's "vsize" shows.</summary>
    public static long VirtualSize(Transaction tx) => VirtualSize(Weight(tx), 0, 0);
}
