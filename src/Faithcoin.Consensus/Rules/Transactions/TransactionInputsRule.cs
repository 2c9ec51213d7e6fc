using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Validation;
using NBitcoin;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>
/// Core's Consensus::CheckTxInputs, for coins already known to exist: bad-txns-premature-spend-of-coinbase,
/// bad-txns-inputvalues-outofrange, bad-txns-in-belowout, bad-txns-fee-outofrange.
/// </summary>
public static class TransactionInputsRule
{
    /// <param name="spentCoins">The coins the inputs spend, in input order.</param>
    /// <param name="spendHeight">The height of the block the transaction is in.</param>
    /// <param name="fee">Input value minus output value when the rule holds.</param>
    public static ValidationError? Check(
        Transaction tx, IReadOnlyList<Coin> spentCoins, int spendHeight, int coinbaseMaturity, out long fee)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(spentCoins);
        fee = 0;
        long valueIn = 0;
        foreach (var coin in spentCoins)
        {
            if (coin.IsCoinbase && spendHeight - coin.Height < coinbaseMaturity)
            {
                // 0.15 gives this no DoS score: a peer a block behind may relay it in good faith.
                return new ValidationError(
                    "bad-txns-premature-spend-of-coinbase", 0, Debug: $"tried to spend coinbase at depth {spendHeight - coin.Height}");
            }

            if (!MoneyRange.Contains(coin.Value))
            {
                return new ValidationError("bad-txns-inputvalues-outofrange", 100);
            }

            valueIn += coin.Value;
            if (!MoneyRange.Contains(valueIn))
            {
                return new ValidationError("bad-txns-inputvalues-outofrange", 100);
            }
        }

        // CheckTransaction already bounded the outputs, so this sum cannot overflow.
        var valueOut = tx.Outputs.Sum(o => o.Value.Satoshi);
        if (valueIn < valueOut)
        {
            return new ValidationError(
                "bad-txns-in-belowout", 100, Debug: $"value in ({Format(valueIn)}) < value out ({Format(valueOut)})");
        }

        fee = valueIn - valueOut;
        if (!MoneyRange.Contains(fee))
        {
            return new ValidationError("bad-txns-fee-outofrange", 100);
        }

        return null;
    }

    private static string Format(long amount) =>
        $"{amount / ConsensusConstants.Coin}.{Math.Abs(amount % ConsensusConstants.Coin):D8}";
}
