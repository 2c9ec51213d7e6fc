using Faithcoin.Consensus.Validation;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// The ValidationErrors policy refusals carry in 0.15: never a misbehaviour score (a peer may run another policy),
/// REJECT_NONSTANDARD or REJECT_INSUFFICIENTFEE. The reason strings are the literals in the checks that use these.
/// </summary>
internal static class PolicyRejections
{
    public static ValidationError Nonstandard(string reason, string? debug = null, bool corruptionPossible = false) =>
        new(reason, 0, RejectCode.Nonstandard, corruptionPossible, debug);

    public static ValidationError InsufficientFee(string reason, string? debug = null) =>
        new(reason, 0, RejectCode.InsufficientFee, false, debug);
}
