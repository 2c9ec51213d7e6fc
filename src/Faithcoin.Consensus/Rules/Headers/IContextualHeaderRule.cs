using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Headers;

/// <summary>One check of 0.15's ContextualCheckBlockHeader; null means the header passes it.</summary>
public interface IContextualHeaderRule
{
    ValidationError? Check(BlockHeader header, HeaderRuleContext context);
}
