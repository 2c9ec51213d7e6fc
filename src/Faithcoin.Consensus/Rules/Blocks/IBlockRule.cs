using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>A rule a block must satisfy whatever chain it is on (part of Core's CheckBlock); null when it holds.</summary>
public interface IBlockRule
{
    ValidationError? Check(Block block);
}
