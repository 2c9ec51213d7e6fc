using NBitcoin;

namespace Faithcoin.Consensus.Coins;

/// <summary>A whole UTXO set in a dictionary: the base view for tests and for tools that do not persist.</summary>
public sealed class MemoryCoinsView : ICoinsViewWriter
{
    private readonly Dictionary<OutPoint, Coin> coins = new();

    public uint256 BestBlock { get; private set; } = uint256.Zero;

    public int Count => coins.Count;

    public IEnumerable<KeyValuePair<OutPoint, Coin>> Coins => coins;

    public Coin? GetCoin(OutPoint outpoint) => coins.GetValueOrDefault(outpoint);

    public bool HaveCoin(OutPoint outpoint) => coins.ContainsKey(outpoint);

    public void BatchWrite(IReadOnlyCollection<CoinChange> changes, uint256 bestBlock)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (change.Coin is null)
            {
                coins.Remove(change.Outpoint);
            }
            else
            {
                coins[change.Outpoint] = change.Coin;
            }
        }

        BestBlock = bestBlock;
    }
}
