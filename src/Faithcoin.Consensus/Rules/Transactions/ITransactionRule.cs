using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>A context-free rule on one transaction (part of Core's CheckTransaction); null when it holds.</summary>
public interface ITransactionRule
{
    ValidationError? Check(Transaction tx);
}
