namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>Which of estimateSmartFee's checks set the answer (0.15's FeeReason, the estimator's part of it).</summary>
public enum FeeReason
{
    None,

    /// <summary>60% confirmed within half the target.</summary>
    HalfEstimate,

    /// <summary>85% confirmed within the target.</summary>
    FullEstimate,

    /// <summary>95% confirmed within twice the target.</summary>
    DoubleEstimate,

    /// <summary>95% within twice the target on the longer horizons too.</summary>
    Conservative,
}
