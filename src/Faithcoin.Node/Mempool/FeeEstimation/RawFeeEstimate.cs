namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>estimateRawFee's answer on one horizon: satoshis per kB (0 when none) and the buckets behind it.</summary>
public sealed record RawFeeEstimate(long FeePerKilobyte, EstimationResult Result)
{
    public bool Found => FeePerKilobyte > 0;
}
