using NBitcoin;

namespace Faithcoin.Consensus.Coins;

/// <summary>A read-only view of the unspent outputs as of <see cref="BestBlock"/> (Core's CCoinsView).</summary>
public interface ICoinsView
{
    /// <summary>The hash of the block whose effects this view includes; uint256.Zero for an empty view.</summary>
    uint256 BestBlock { get; }

    /// <summary>The unspent coin at the outpoint, or null when it does not exist or is spent.</summary>
    Coin? GetCoin(OutPoint outpoint);

    bool HaveCoin(OutPoint outpoint);
}
