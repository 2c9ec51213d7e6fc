namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// estimateSmartFee's answer: <see cref="FeePerKilobyte"/> in satoshis per 1,000 virtual bytes, 0 when there is no
/// estimate (0.15's CFeeRate(0)); <see cref="ReturnedTarget"/> the target actually answered (estimatesmartfee's
/// "blocks"), which may be lower than <see cref="DesiredTarget"/> while the estimator has little history.
/// </summary>
public sealed record FeeEstimate(long FeePerKilobyte, int DesiredTarget, int ReturnedTarget, FeeReason Reason, EstimationResult Details)
{
    public bool Found => FeePerKilobyte > 0;
}
