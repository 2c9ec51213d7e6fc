namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// The part of one horizon's statistics that fee_estimates.dat keeps, in 0.15's order: the decay, the scale
/// (blocks per period), and the moving averages per bucket of the fee-rate sum and transaction count, and per
/// period and bucket of the transactions confirmed within that many periods and of those that left unconfirmed.
/// </summary>
public sealed record ConfirmStatsData(
    double Decay,
    int Scale,
    double[] FeeRateAverage,
    double[] TransactionCountAverage,
    double[][] ConfirmedAverage,
    double[][] FailedAverage);
