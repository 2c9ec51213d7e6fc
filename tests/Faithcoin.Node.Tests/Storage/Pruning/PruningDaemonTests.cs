using System.Text.Json;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Tests.EndToEnd;
using NBitcoin;

namespace Faithcoin.Node.Tests.Storage.Pruning;

/// <summary>-prune through the real faithcoind on regtest with 64 KiB block files (-fastprune).</summary>
[Collection(DaemonCollection.Name)]
public sealed class PruningDaemonTests
{
    private const int Blocks = 1_100;

    private static readonly string Address =
        new Key(Enumerable.Repeat((byte)0x17, 32).ToArray()).PubKey.GetAddress(ScriptPubKeyType.Legacy, ChainParams.Regtest.Network).ToString();

    [Fact]
    public async Task Pruneblockchain_deletes_old_block_files_and_the_node_reports_it_across_a_restart()
    {
        using var data = new TempDirectory();
        var blocksFolder = data.Combine("regtest", "blocks");
        string firstBlock;
        int pruneHeight;
        await using (var node = await DaemonRpc.StartRegtestAsync(data.Path, "-prune=1", "-fastprune"))
        {
            Assert.Equal((-1, "Blockchain is too short for pruning."), await node.ErrorAsync("pruneblockchain", "10"));
            Assert.Equal("000000000000000c", (await node.ResultAsync("getnetworkinfo")).GetProperty("localservices").GetString());
            var hashes = (await node.ResultAsync("generatetoaddress", $"{Blocks}, \"{Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToArray();
            firstBlock = hashes[0];
            var info = await node.ResultAsync("getblockchaininfo");
            Assert.True(info.GetProperty("pruned").GetBoolean());
            Assert.Equal(0, info.GetProperty("pruneheight").GetInt32());
            Assert.True(File.Exists(Path.Combine(blocksFolder, "blk00000.dat")));

            Assert.Equal((-8, "Negative block height."), await node.ErrorAsync("pruneblockchain", "-1"));
            Assert.Equal((-8, "Blockchain is shorter than the attempted prune height."), await node.ErrorAsync("pruneblockchain", $"{Blocks + 1}"));
            Assert.Equal(700, (await node.ResultAsync("pruneblockchain", "700")).GetInt32());

            Assert.False(File.Exists(Path.Combine(blocksFolder, "blk00000.dat")));
            pruneHeight = (await node.ResultAsync("getblockchaininfo")).GetProperty("pruneheight").GetInt32();
            Assert.InRange(pruneHeight, 2, 701);
            Assert.Equal((-1, "Block not available (pruned data)"), await node.ErrorAsync("getblock", $"\"{firstBlock}\""));
            Assert.Equal(1, (await node.ResultAsync("getblockheader", $"\"{firstBlock}\"")).GetProperty("height").GetInt32());
            Assert.Equal(JsonValueKind.Object, (await node.ResultAsync("getblock", $"\"{hashes[^1]}\"")).ValueKind);

            // Close to the tip, 0.15 prunes only up to the last 288 blocks and says how far it went.
            Assert.Equal(Blocks - 288, (await node.ResultAsync("pruneblockchain", $"{Blocks}")).GetInt32());
            Assert.True((await node.ResultAsync("getblockchaininfo")).GetProperty("pruneheight").GetInt32() >= pruneHeight);
            pruneHeight = (await node.ResultAsync("getblockchaininfo")).GetProperty("pruneheight").GetInt32();
        }

        await using (var node = await DaemonRpc.StartRegtestAsync(data.Path, "-prune=1", "-fastprune"))
        {
            var info = await node.ResultAsync("getblockchaininfo");
            Assert.Equal(Blocks, info.GetProperty("blocks").GetInt32());
            Assert.Equal(pruneHeight, info.GetProperty("pruneheight").GetInt32());
            Assert.Equal((-1, "Block not available (pruned data)"), await node.ErrorAsync("getblock", $"\"{firstBlock}\""));
            Assert.Single((await node.ResultAsync("generatetoaddress", $"1, \"{Address}\"")).EnumerateArray());
        }

        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync($"-datadir={data.Path}", "-regtest", $"-rpcport={DaemonProcess.FreePort()}");
        Assert.Equal(1, exitCode);
        Assert.Contains("You need to rebuild the database using -reindex to go back to unpruned mode.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prune_target_below_550_MiB_is_refused()
    {
        using var data = new TempDirectory();
        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync($"-datadir={data.Path}", "-regtest", "-prune=549");
        Assert.Equal(1, exitCode);
        Assert.Contains("Prune configured below the minimum of 550 MiB.  Please use a higher number.", stderr, StringComparison.Ordinal);
    }
}
