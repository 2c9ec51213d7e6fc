namespace Faithcoin.Consensus.Coins;

/// <summary>The coins one non-coinbase transaction spent, in input order (Core's CTxUndo).</summary>
public sealed class TxUndo
{
    public TxUndo(IReadOnlyList<Coin> spentCoins)
    {
        ArgumentNullException.ThrowIfNull(spentCoins);
        SpentCoins = spentCoins;
    }

    public IReadOnlyList<Coin> SpentCoins { get; }
}
