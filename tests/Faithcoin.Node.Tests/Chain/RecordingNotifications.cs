using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Storage;
using NBitcoin;

namespace Faithcoin.Node.Tests.Chain;

internal sealed class RecordingNotifications : IChainNotifications
{
    public List<uint256> Connected { get; } = [];

    public List<uint256> Disconnected { get; } = [];

    public List<(uint256 Tip, uint256? Fork)> Tips { get; } = [];

    public Dictionary<uint256, string?> Checked { get; } = [];

    /// <summary>NewPoWValidBlock calls, with whether the block was already connected (fully valid) when it came.</summary>
    public List<(uint256 Hash, bool AlreadyConnected)> PowValid { get; } = [];

    /// <summary>NewPoWValidBlock and BlockConnected in the order they came ("pow:" or "connected:" and the hash).</summary>
    public List<string> Order { get; } = [];

    public void NewPoWValidBlock(Block block, BlockIndexEntry entry)
    {
        PowValid.Add((entry.HashBlock, entry.IsValid(BlockStatus.ValidScripts)));
        Order.Add($"pow:{entry.HashBlock}");
    }

    public void BlockConnected(Block block, BlockIndexEntry entry)
    {
        Connected.Add(entry.HashBlock);
        Order.Add($"connected:{entry.HashBlock}");
    }

    public void BlockDisconnected(Block block, BlockIndexEntry entry) => Disconnected.Add(entry.HashBlock);

    public void UpdatedBlockTip(BlockIndexEntry newTip, BlockIndexEntry? forkPoint, bool initialDownload) =>
        Tips.Add((newTip.HashBlock, forkPoint?.HashBlock));

    public void BlockChecked(Block block, ValidationError? error) => Checked[block.GetHash()] = error?.Reason;
}
