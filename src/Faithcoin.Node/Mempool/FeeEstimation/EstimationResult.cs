namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>The details of one estimate: the lowest passing range, the highest failing one, the horizon's decay and scale.</summary>
public sealed record EstimationResult(EstimatorBucket Pass, EstimatorBucket Fail, double Decay, int Scale)
{
    public static EstimationResult None { get; } = new(EstimatorBucket.None, EstimatorBucket.None, 0, 0);
}
