using NBitcoin;

namespace Faithcoin.Consensus.Coins;

/// <summary>A coins view that accepts a batch of changes together with its new best block, atomically.</summary>
public interface ICoinsViewWriter : ICoinsView
{
    void BatchWrite(IReadOnlyCollection<CoinChange> changes, uint256 bestBlock);
}
