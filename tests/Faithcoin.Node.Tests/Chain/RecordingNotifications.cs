using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Chain;
using NBitcoin;

namespace Faithcoin.Node.Tests.Chain;

internal sealed class RecordingNotifications : IChainNotifications
{
    public List<uint256> Connected { get; } = [];

    public List<uint256> Disconnected { get; } = [];

    public List<(uint256 Tip, uint256? Fork)> Tips { get; } = [];

    public Dictionary<uint256, string?> Checked { get; } = [];

    public void BlockConnected(Block block, BlockIndexEntry entry) => Connected.Add(entry.HashBlock);

    public void BlockDisconnected(Block block, BlockIndexEntry entry) => Disconnected.Add(entry.HashBlock);

    public void UpdatedBlockTip(BlockIndexEntry newTip, BlockIndexEntry? forkPoint, bool initialDownload) =>
        Tips.Add((newTip.HashBlock, forkPoint?.HashBlock));

    public void BlockChecked(Block block, ValidationError? error) => Checked[block.GetHash()] = error?.Reason;
}
