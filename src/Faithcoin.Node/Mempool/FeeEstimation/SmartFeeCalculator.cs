namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// 0.15's estimateSmartFee over the three horizons at one best height: the highest of the fee rates that
/// confirm 60% within half the target, 85% within the target and 95% within twice the target, each taken from
/// the shortest horizon tracking that target. A conservative estimate also requires the 95% at twice the target
/// on the longer horizons. Created under the estimator's lock for one call.
/// </summary>
internal sealed class SmartFeeCalculator(TxConfirmStats shortStats, TxConfirmStats mediumStats, TxConfirmStats longStats, int bestHeight)
{
    public const double HalfSuccessThreshold = .6;
    public const double SuccessThreshold = .85;
    public const double DoubleSuccessThreshold = .95;
    public const double SufficientFeeTransactions = 0.1;
    public const double SufficientShortTransactions = 0.5;

    /// <param name="maxUsableTarget">The highest target the recorded history supports (0.15's MaxUsableEstimate).</param>
    public FeeEstimate Estimate(int confTarget, bool conservative, int maxUsableTarget)
    {
        var desired = confTarget;
        if (confTarget <= 0 || confTarget > longStats.MaxConfirms)
        {
            return new FeeEstimate(0, desired, confTarget, FeeReason.None, EstimationResult.None);
        }

        // No estimate can be reliable for the very next block.
        if (confTarget == 1)
        {
            confTarget = 2;
        }

        confTarget = Math.Min(confTarget, maxUsableTarget);
        if (confTarget <= 1)
        {
            return new FeeEstimate(0, desired, confTarget, FeeReason.None, EstimationResult.None);
        }

        var (median, details) = Combined(confTarget / 2, HalfSuccessThreshold, checkShorterHorizon: true);
        var reason = FeeReason.HalfEstimate;
        var (full, fullDetails) = Combined(confTarget, SuccessThreshold, checkShorterHorizon: true);
        if (full > median)
        {
            (median, details, reason) = (full, fullDetails, FeeReason.FullEstimate);
        }

        // Conservative estimates skip the shorter horizons at twice the target: the maximum over all horizons
        // is taken below anyway, and short-term drops must not lower it.
        var (doubled, doubledDetails) = Combined(2 * confTarget, DoubleSuccessThreshold, !conservative);
        if (doubled > median)
        {
            (median, details, reason) = (doubled, doubledDetails, FeeReason.DoubleEstimate);
        }

        if (conservative || median == -1)
        {
            var (careful, carefulDetails) = Conservative(2 * confTarget);
            if (careful > median)
            {
                (median, details, reason) = (careful, carefulDetails, FeeReason.Conservative);
            }
        }

        return median < 0
            ? new FeeEstimate(0, desired, confTarget, reason, details)
            : new FeeEstimate(RoundFeeRate(median), desired, confTarget, reason, details);
    }

    /// <summary>llround: halves away from zero.</summary>
    public static long RoundFeeRate(double median) => (long)Math.Round(median, MidpointRounding.AwayFromZero);

    private (double Estimate, EstimationResult Result) Combined(int confTarget, double threshold, bool checkShorterHorizon)
    {
        var estimate = -1.0;
        var result = EstimationResult.None;
        if (confTarget < 1 || confTarget > longStats.MaxConfirms)
        {
            return (estimate, result);
        }

        if (confTarget <= shortStats.MaxConfirms)
        {
            (estimate, result) = shortStats.EstimateMedianValue(confTarget, SufficientShortTransactions, threshold, bestHeight);
        }
        else if (confTarget <= mediumStats.MaxConfirms)
        {
            (estimate, result) = mediumStats.EstimateMedianValue(confTarget, SufficientFeeTransactions, threshold, bestHeight);
        }
        else
        {
            (estimate, result) = longStats.EstimateMedianValue(confTarget, SufficientFeeTransactions, threshold, bestHeight);
        }

        if (checkShorterHorizon)
        {
            // A lower answer from a more recent horizon at its highest target keeps estimates monotone.
            if (confTarget > mediumStats.MaxConfirms)
            {
                var (mediumMax, mediumResult) = mediumStats.EstimateMedianValue(mediumStats.MaxConfirms, SufficientFeeTransactions, threshold, bestHeight);
                if (mediumMax > 0 && (estimate == -1 || mediumMax < estimate))
                {
                    (estimate, result) = (mediumMax, mediumResult);
                }
            }

            if (confTarget > shortStats.MaxConfirms)
            {
                var (shortMax, shortResult) = shortStats.EstimateMedianValue(shortStats.MaxConfirms, SufficientShortTransactions, threshold, bestHeight);
                if (shortMax > 0 && (estimate == -1 || shortMax < estimate))
                {
                    (estimate, result) = (shortMax, shortResult);
                }
            }
        }

        return (estimate, result);
    }

    private (double Estimate, EstimationResult Result) Conservative(int doubleTarget)
    {
        var estimate = -1.0;
        var result = EstimationResult.None;
        if (doubleTarget <= shortStats.MaxConfirms)
        {
            (estimate, result) = mediumStats.EstimateMedianValue(doubleTarget, SufficientFeeTransactions, DoubleSuccessThreshold, bestHeight);
        }

        if (doubleTarget <= mediumStats.MaxConfirms)
        {
            var (longEstimate, longResult) = longStats.EstimateMedianValue(doubleTarget, SufficientFeeTransactions, DoubleSuccessThreshold, bestHeight);
            if (longEstimate > estimate)
            {
                (estimate, result) = (longEstimate, longResult);
            }
        }

        return (estimate, result);
    }
}
