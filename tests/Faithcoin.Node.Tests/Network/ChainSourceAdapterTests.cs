using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Networking;
using Faithcoin.Node.Tests.Chain;
using NBitcoin;
using static Faithcoin.Node.Tests.Chain.RegtestBlockBuilder;

namespace Faithcoin.Node.Tests.Networking;

public sealed class ChainSourceAdapterTests
{
    private static readonly Block Genesis = ChainParams.Regtest.CreateGenesisBlock();
    private static readonly ChainedHeader GenesisHeader = new(Genesis.Header, Genesis.GetHash(), null);

    [Fact]
    public async Task GetDataForABlockAnnouncedBeforeItConnectedIsServedOnceItHasConnected()
    {
        var block = Extend(GenesisHeader, 1)[0];
        using var folder = new TempDirectory();
        var reader = new ReadOnPowValidBlock();
        var settings = new ChainStateSettings { CheckBlockIndex = true, ScriptThreads = 2, MaxTipAge = TimeSpan.FromDays(365 * 100) };
        using var node = ChainNode.Open(folder.Path, settings, reader);
        using var worker = new ChainWorker();
        var adapter = new ChainSourceAdapter(node.Chain, new NetworkState(), worker, TimeProvider.System);
        reader.Read = hash => adapter.ReadBlockAsync(hash, CancellationToken.None).AsTask();

        var accepted = await adapter.AcceptBlockAsync(block, serialized: null, forceProcessing: true, CancellationToken.None);
        var served = await reader.Pending!;

        Assert.Null(accepted.Error);
        Assert.False(reader.AnsweredAtOnce);
        Assert.Equal(block.ToBytes(), served);
    }

    // Asks for the block from inside NewPoWValidBlock, when it is stored but the chain worker is still connecting it.
    private sealed class ReadOnPowValidBlock : IChainNotifications
    {
        public Func<uint256, Task<byte[]?>>? Read { get; set; }

        public Task<byte[]?>? Pending { get; private set; }

        public bool AnsweredAtOnce { get; private set; }

        public void NewPoWValidBlock(Block block, BlockIndexEntry entry)
        {
            Pending = Read!(entry.HashBlock);
            AnsweredAtOnce = Pending.IsCompleted;
        }
    }
}
