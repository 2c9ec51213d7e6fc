using NBitcoin;

namespace Faithcoin.Consensus.Coins;

/// <summary>
/// One modified outpoint leaving a cache: the new coin, or null when it was spent. <paramref name="Fresh"/> says
/// the layer below never had it, so a spent fresh coin need not be written at all.
/// </summary>
public sealed record CoinChange(OutPoint Outpoint, Coin? Coin, bool Fresh);
