using System.Text.Json;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Rpc.Methods.Blockchain;
using Faithcoin.Node.Tests.Chain;

namespace Faithcoin.Node.Tests.Storage.Pruning;

/// <summary>pruneblockchain on a real chain: a block time instead of a height, and the refusal outside prune mode.</summary>
public sealed class PruneBlockchainMethodTests
{
    [Fact]
    public async Task A_timestamp_prunes_up_to_the_first_block_at_least_two_hours_older()
    {
        using var folder = new TempDirectory();
        using var node = ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 1));
        node.SubmitAll(PrunedChain.Blocks);
        var method = new PruneBlockchainMethod(node.Chain);
        var time = node.Chain.Tip.GetAncestor(700)!.Header.BlockTime.ToUnixTimeSeconds() + (2 * 60 * 60);

        var result = await method.ExecuteAsync(Parameters(time), CancellationToken.None);

        Assert.Equal(700, result!.GetValue<int>());
        Assert.True(node.Chain.HavePruned);
        Assert.False(node.Chain.Tip.GetAncestor(1)!.HaveData);
        var tooLate = await Assert.ThrowsAsync<RpcException>(async () => await method.ExecuteAsync(Parameters(2_000_000_000), CancellationToken.None));
        Assert.Equal((-8, "Could not find block with at least the specified timestamp."), (tooLate.Code, tooLate.Message));
    }

    [Fact]
    public async Task Outside_prune_mode_it_is_refused()
    {
        using var folder = new TempDirectory();
        using var node = ChainNode.Open(folder.Path, PrunedChain.Settings(pruneMiB: 0));
        var error = await Assert.ThrowsAsync<RpcException>(async () => await new PruneBlockchainMethod(node.Chain).ExecuteAsync(Parameters(10), CancellationToken.None));
        Assert.Equal((-1, "Cannot prune blocks because node is not in prune mode."), (error.Code, error.Message));
    }

    private static RpcParameters Parameters(long value) => new([JsonDocument.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture)).RootElement]);
}
