using Faithcoin.Consensus.Pow;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Headers;

/// <summary>bad-diffbits: nBits is exactly what the difficulty rules require after the parent.</summary>
public sealed class DifficultyBitsRule : IContextualHeaderRule
{
    public ValidationError? Check(BlockHeader header, HeaderRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(context);
        var required = DifficultyCalculator.GetNextWorkRequired(context.Previous, header, context.Consensus);
        return header.Bits.ToCompact() == required
            ? null
            : new ValidationError("bad-diffbits", 100, Debug: "incorrect proof of work");
    }
}
