using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Validation;
using NBitcoin;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>bad-txns-inputs-missingorspent: every input must spend an existing unspent coin.</summary>
public static class InputsAvailableRule
{
    /// <summary>Looks the coins up; on success <paramref name="coins"/> holds them in input order.</summary>
    public static ValidationError? Check(Transaction tx, ICoinsView view, out Coin[] coins)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(view);
        coins = new Coin[tx.Inputs.Count];
        for (var i = 0; i < coins.Length; i++)
        {
            var coin = view.GetCoin(tx.Inputs[i].PrevOut);
            if (coin is null)
            {
                coins = [];
                return new ValidationError("bad-txns-inputs-missingorspent", 100, Debug: $"input {i} of {tx.GetHash()}");
            }

            coins[i] = coin;
        }

        return null;
    }
}
