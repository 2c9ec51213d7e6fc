using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>
/// bad-blk-length: a block needs at least one transaction, and its transaction count and witness-stripped size,
/// each scaled by 4, must fit the weight limit.
/// </summary>
public sealed class BlockSizeRule : IBlockRule
{
    public ValidationError? Check(Block block)
    {
        var count = (long)block.Transactions.Count;
        if (count == 0 ||
            count * ConsensusConstants.WitnessScaleFactor > ConsensusConstants.MaxBlockWeight ||
            BlockSizes.StrippedSize(block) * ConsensusConstants.WitnessScaleFactor > ConsensusConstants.MaxBlockWeight)
        {
            return new ValidationError("bad-blk-length", 100, Debug: "size limits failed");
        }

        return null;
    }
}
