using Faithcoin.Consensus.Validation;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// The sigop and fee limits AcceptToMemoryPool applies once the inputs, fee and virtual size are known, in
/// 0.15's order: the sigop cost limit, the pool's dynamic minimum ("mempool min fee not met", compared with the
/// modified fee but reporting the base fee, as the original does), then -minrelaytxfee. Transactions re-added
/// after a reorganisation skip both fee floors (the original's fLimitFree = false).
/// </summary>
public sealed class FeeChecks(PolicySettings settings)
{
    public static ValidationError? CheckSigOpCost(long sigOpCost) =>
        sigOpCost > PolicyDefaults.MaxStandardTxSigOpsCost
            ? PolicyRejections.Nonstandard("bad-txns-too-many-sigops", sigOpCost.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;

    /// <param name="fee">Inputs minus outputs, in satoshis.</param>
    /// <param name="modifiedFee">The fee with prioritisetransaction's delta, which the floors are compared with.</param>
    /// <param name="virtualSize">The sigop-adjusted virtual size (<see cref="TransactionSizes.VirtualSize(long, long, uint)"/>).</param>
    /// <param name="mempoolMinFee">The pool's current dynamic minimum rate (zero while it has room).</param>
    /// <param name="limitFree">False for transactions returning from disconnected blocks.</param>
    public ValidationError? CheckFees(long fee, long modifiedFee, long virtualSize, PolicyFeeRate mempoolMinFee, bool limitFree)
    {
        if (!limitFree)
        {
            return null;
        }

        var mempoolRejectFee = mempoolMinFee.GetFee(virtualSize);
        if (mempoolRejectFee > 0 && modifiedFee < mempoolRejectFee)
        {
            return PolicyRejections.InsufficientFee("mempool min fee not met", $"{fee} < {mempoolRejectFee}");
        }

        return modifiedFee < settings.MinRelayTxFee.GetFee(virtualSize)
            ? PolicyRejections.InsufficientFee("min relay fee not met")
            : null;
    }
}
