using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>
/// bad-blk-weight: checked after the witness commitment, because before that a padded coinbase witness could
/// make a valid block look overweight without changing its hash.
/// </summary>
public sealed class BlockWeightRule : IContextualBlockRule
{
    public ValidationError? Check(Block block, BlockRuleContext context) =>
        BlockSizes.Weight(block) > ConsensusConstants.MaxBlockWeight
            ? new ValidationError("bad-blk-weight", 100, Debug: "ContextualCheckBlock : weight limit failed")
            : null;
}
