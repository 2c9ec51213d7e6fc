using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>A rule that depends on the block's place in the chain (part of Core's ContextualCheckBlock).</summary>
public interface IContextualBlockRule
{
    ValidationError? Check(Block block, BlockRuleContext context);
}
