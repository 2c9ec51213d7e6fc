using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Headers;

/// <summary>
/// time-too-new: the header's time is at most two hours past the node's adjusted time. DoS 0 because the header
/// may become acceptable later; clocks differ.
/// </summary>
public sealed class FutureTimeRule : IContextualHeaderRule
{
    public ValidationError? Check(BlockHeader header, HeaderRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(context);
        return header.BlockTime.ToUnixTimeSeconds() > context.AdjustedTime + ConsensusConstants.MaxFutureBlockTime
            ? new ValidationError("time-too-new", 0, Debug: "block timestamp too far in the future")
            : null;
    }
}
