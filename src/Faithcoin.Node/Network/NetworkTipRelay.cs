using Faithcoin.Node.Chain;
using NBitcoin;

namespace Faithcoin.Node.Networking;

/// <summary>
/// The chain's block notifications handed to the P2P node (0.15's PeerLogicValidation::UpdatedBlockTip and
/// NewPoWValidBlock), and the notification's initial-download flag kept for peers. Both P2PNode calls return
/// quickly: the one for a PoW-valid block runs before the chain connects it, so connecting waits on it.
/// </summary>
public sealed class NetworkTipRelay(NetworkState state, TimeProvider time) : IChainNotifications
{
    public void NewPoWValidBlock(Block block, BlockIndexEntry entry) => state.Node?.NewPoWValidBlock(entry, block);

    public void UpdatedBlockTip(BlockIndexEntry newTip, BlockIndexEntry? forkPoint, bool initialDownload)
    {
        state.SetInitialDownload(initialDownload, time.GetUtcNow());
        state.Node?.UpdatedBlockTip(newTip, forkPoint, initialDownload);
    }
}
