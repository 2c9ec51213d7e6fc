using System.Globalization;
using System.Text.Json;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Notifications;
using NBitcoin;
using static Faithcoin.Node.Tests.Chain.RegtestBlockBuilder;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>0.15's invalid-chain warning through the real faithcoind: submitblock, invalidateblock and the warnings fields.</summary>
public sealed class ForkWarningEndToEndTests
{
    private readonly RegtestWallet wallet = new();

    [Fact]
    public async Task InvalidChainSevenBlocksAheadShowsInTheWarningsFieldsAndClearsWhenTheTipCatchesUp()
    {
        using var data = new TempDirectory();
        var alerts = Path.Combine(data.Path, "alerts.txt");
        await using var node = await DaemonRpc.StartRegtestAsync(data.Path, $"-alertnotify=echo %s >> {alerts}");
        var trunk = (await node.ResultAsync("generatetoaddress", $"20, \"{wallet.Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToList();
        var forkPoint = await HeaderChainAsync(node, 10);

        // A branch from height 10 whose first block pays itself one satoshi too much, up to height 20: never more
        // work than the tip while it arrives, so it is all stored without being tried.
        var b1 = Build(forkPoint, extraCoinbase: 1, tag: 7);
        var branch = new List<Block> { b1 };
        branch.AddRange(Extend(HeaderOf(b1, forkPoint), 9, tag: 7));
        foreach (var block in branch)
        {
            await node.ResultAsync("submitblock", $"\"{Convert.ToHexStringLower(block.ToBytes())}\"");
        }

        Assert.Equal(trunk[^1], (await node.ResultAsync("getbestblockhash")).GetString());
        Assert.Equal(string.Empty, await WarningsAsync(node, "getnetworkinfo", "warnings"));

        // invalidateblock at height 14: the branch is tried, fails at its first block, and the tip returns to
        // height 13, seven blocks' work below the invalid branch tip.
        await node.ResultAsync("invalidateblock", $"\"{trunk[13]}\"");
        Assert.Equal(13, (await node.ResultAsync("getblockcount")).GetInt32());
        Assert.Equal(NodeWarnings.InvalidChainWarning, await WarningsAsync(node, "getnetworkinfo", "warnings"));
        Assert.Equal(NodeWarnings.InvalidChainWarning, await WarningsAsync(node, "getmininginfo", "errors"));
        Assert.Equal(NodeWarnings.InvalidChainWarning, await WarningsAsync(node, "getinfo", "errors"));
        var log = await File.ReadAllTextAsync(Path.Combine(data.Path, "regtest", "debug.log"));
        Assert.Contains("CheckForkWarningConditions: Warning: Found invalid chain at least ~6 blocks longer than our best chain.", log, StringComparison.Ordinal);

        // One more block (built here: the node would mine the invalidated block again): six blocks is not enough.
        var next = Build(await HeaderChainAsync(node, 13), tag: 8);
        Assert.Equal(JsonValueKind.Null, (await node.ResultAsync("submitblock", $"\"{Convert.ToHexStringLower(next.ToBytes())}\"")).ValueKind);
        Assert.Equal(14, (await node.ResultAsync("getblockcount")).GetInt32());
        Assert.Equal(string.Empty, await WarningsAsync(node, "getnetworkinfo", "warnings"));

        // 0.15 runs -alertnotify for a large-work fork only, never for an invalid chain alone.
        Assert.False(File.Exists(alerts));
    }

    private static async Task<string> WarningsAsync(DaemonRpc node, string method, string field) =>
        (await node.ResultAsync(method)).GetProperty(field).GetString()!;

    // The active chain from genesis to the given height, as headers the block builder can extend.
    private static async Task<ChainedHeader> HeaderChainAsync(DaemonRpc node, int height)
    {
        ChainedHeader? tip = null;
        for (var h = 0; h <= height; h++)
        {
            var hash = (await node.ResultAsync("getblockhash", h.ToString(CultureInfo.InvariantCulture))).GetString()!;
            var hex = (await node.ResultAsync("getblockheader", $"\"{hash}\", false")).GetString()!;
            var header = FaithcoinConsensusFactory.Instance.CreateBlockHeader();
            header.ReadWrite(new BitcoinStream(Convert.FromHexString(hex)));
            tip = new ChainedHeader(header, header.GetHash(), tip);
            Assert.Equal(hash, tip.HashBlock.ToString());
        }

        return tip!;
    }
}
