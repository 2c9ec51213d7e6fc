using Faithcoin.Node.Chain;

namespace Faithcoin.Node.Networking;

/// <summary>
/// The chain's UpdatedBlockTip handed to the P2P node (0.15's PeerLogicValidation::UpdatedBlockTip), and the
/// notification's initial-download flag kept for peers. P2PNode.UpdatedBlockTip returns at once.
/// </summary>
public sealed class NetworkTipRelay(NetworkState state, TimeProvider time) : IChainNotifications
{
    public void UpdatedBlockTip(BlockIndexEntry newTip, BlockIndexEntry? forkPoint, bool initialDownload)
    {
        state.SetInitialDownload(initialDownload, time.GetUtcNow());
        state.Node?.UpdatedBlockTip(newTip, forkPoint, initialDownload);
    }
}
