using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>
/// bad-txns-oversize: the transaction without its witness, scaled by 4, must fit a block. The witness is left
/// out because it has not been checked for malleation yet.
/// </summary>
public sealed class TransactionSizeRule : ITransactionRule
{
    public ValidationError? Check(Transaction tx) =>
        (long)tx.GetSerializedSize(TransactionOptions.None) * ConsensusConstants.WitnessScaleFactor > ConsensusConstants.MaxBlockWeight
            ? new ValidationError("bad-txns-oversize", 100)
            : null;
}
