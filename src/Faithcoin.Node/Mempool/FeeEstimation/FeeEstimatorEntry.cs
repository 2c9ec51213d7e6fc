using NBitcoin;

namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// What the estimator needs of a pool entry: its txid, the chain height when it entered the pool, its fee in
/// satoshis and its virtual size (0.15's GetTxSize, BIP 141 with the sigop adjustment).
/// </summary>
public sealed record FeeEstimatorEntry(uint256 Txid, int EntryHeight, long Fee, int VirtualSize)
{
    /// <summary>CFeeRate(fee, size).GetFeePerK(): satoshis per 1,000 virtual bytes, truncated; 0 for an empty size.</summary>
    public long FeePerKilobyte => VirtualSize > 0 ? Fee * 1000 / VirtualSize : 0;
}
