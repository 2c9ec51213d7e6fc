namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>fee_estimates.dat could not be read: truncated, corrupt, or written by a newer version. The estimator keeps its state.</summary>
public sealed class FeeEstimatesFormatException : Exception
{
    public FeeEstimatesFormatException(string message)
        : base(message)
    {
    }

    public FeeEstimatesFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
