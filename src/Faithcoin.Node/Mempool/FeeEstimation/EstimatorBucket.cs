namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// A range of fee-rate buckets and its counts, as estimaterawfee reports them: <see cref="Start"/> and
/// <see cref="End"/> in satoshis per kB (-1 when no range was found), transactions confirmed within the target,
/// confirmed at all, still in the pool past the target, and gone from the pool unconfirmed past the target.
/// </summary>
public sealed record EstimatorBucket(
    double Start,
    double End,
    double WithinTarget,
    double TotalConfirmed,
    double InMempool,
    double LeftMempool)
{
    public static EstimatorBucket None { get; } = new(-1, -1, 0, 0, 0, 0);
}
