using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Headers;

/// <summary>
/// time-too-old: the header's time is after the median of its last 11 ancestors' times. Not punished (DoS 0),
/// as in 0.15, because a peer's view of an old branch may be honest.
/// </summary>
public sealed class MedianTimePastRule : IContextualHeaderRule
{
    public ValidationError? Check(BlockHeader header, HeaderRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(context);
        return header.BlockTime.ToUnixTimeSeconds() <= context.Previous.GetMedianTimePast()
            ? new ValidationError("time-too-old", 0, Debug: "block's timestamp is too early")
            : null;
    }
}
