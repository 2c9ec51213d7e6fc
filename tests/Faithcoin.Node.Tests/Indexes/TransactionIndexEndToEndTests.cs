using System.Text.Json;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Tests.EndToEnd;
using NBitcoin;

namespace Faithcoin.Node.Tests.Indexes;

/// <summary>-txindex through the real faithcoind: spent transactions over RPC and REST, a kill -9, toggling it off and on.</summary>
[Collection(DaemonCollection.Name)]
public sealed class TransactionIndexEndToEndTests
{
    private const string NoTxIndexError = "No such mempool transaction. Use -txindex to enable blockchain transaction queries. Use gettransaction for wallet transactions.";
    private static readonly Network Regtest = ChainParams.Regtest.Network;
    private readonly Key key = new(Enumerable.Repeat((byte)0x24, 32).ToArray());

    private BitcoinAddress Address => key.PubKey.GetAddress(ScriptPubKeyType.Legacy, Regtest);

    [Fact]
    public async Task Spent_transactions_are_served_with_txindex_toggled_off_and_on_and_after_a_kill()
    {
        using var data = new TempDirectory();
        Transaction first;
        Transaction second;
        string firstBlock;
        uint256 coinbaseOf2;
        await using (var node = await DaemonRpc.StartRegtestAsync(data.Path, "-txindex", "-rest"))
        {
            var blocks = (await node.ResultAsync("generatetoaddress", $"101, \"{Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToList();
            var coinbase = uint256.Parse((await node.ResultAsync("getblock", $"\"{blocks[0]}\"")).GetProperty("tx")[0].GetString()!);
            coinbaseOf2 = uint256.Parse((await node.ResultAsync("getblock", $"\"{blocks[1]}\"")).GetProperty("tx")[0].GetString()!);
            first = Spend(new OutPoint(coinbase, 0), Money.Coins(50));
            firstBlock = await MineAsync(node, first);
            second = Spend(new OutPoint(first.GetHash(), 0), first.Outputs[0].Value);
            await MineAsync(node, second);

            // Every output of the first is spent: only the index finds it.
            var verbose = await node.ResultAsync("getrawtransaction", $"\"{first.GetHash()}\", true");
            Assert.Equal(first.ToHex(), verbose.GetProperty("hex").GetString());
            Assert.Equal(firstBlock, verbose.GetProperty("blockhash").GetString());
            Assert.Equal(2, verbose.GetProperty("confirmations").GetInt32());
            var proof = (await node.ResultAsync("gettxoutproof", $"[\"{first.GetHash()}\"]")).GetString();
            Assert.Equal(first.GetHash().ToString(), (await node.ResultAsync("verifytxoutproof", $"\"{proof}\""))[0].GetString());
            Assert.Contains(first.ToHex(), await node.Daemon.GetRestAsync($"/rest/tx/{first.GetHash()}.hex"), StringComparison.Ordinal);
            Assert.Equal(
                (-5, "No such mempool or blockchain transaction. Use gettransaction for wallet transactions."),
                await node.ErrorAsync("getrawtransaction", $"\"{new string('c', 64)}\""));
            Assert.Contains("txindex is enabled", File.ReadAllText(DebugLog(data)), StringComparison.Ordinal);
            node.Daemon.Signal("TERM");
            Assert.Equal(0, await node.Daemon.WaitForExitAsync(TimeSpan.FromSeconds(15)));
        }

        Transaction third;
        await using (var node = await DaemonRpc.StartRegtestAsync(data.Path))
        {
            Assert.Equal((-5, NoTxIndexError), await node.ErrorAsync("getrawtransaction", $"\"{first.GetHash()}\""));
            third = Spend(new OutPoint(second.GetHash(), 0), second.Outputs[0].Value);
            await MineAsync(node, third);
            await MineAsync(node, Spend(new OutPoint(third.GetHash(), 0), third.Outputs[0].Value));
            Assert.Equal((-5, NoTxIndexError), await node.ErrorAsync("getrawtransaction", $"\"{third.GetHash()}\""));
            node.Daemon.Signal("TERM");
            Assert.Equal(0, await node.Daemon.WaitForExitAsync(TimeSpan.FromSeconds(15)));
        }

        // Back on: the index resumes from its marker and catches up with the blocks mined while it was off.
        await using (var again = await DaemonRpc.StartRegtestAsync(data.Path, "-txindex"))
        {
            Assert.Equal(firstBlock, (await again.ResultAsync("getrawtransaction", $"\"{first.GetHash()}\", 1")).GetProperty("blockhash").GetString());
            await WaitUntilFoundAsync(again, data, third.GetHash());
            var fifth = Spend(new OutPoint(coinbaseOf2, 0), Money.Coins(50));
            await MineAsync(again, fifth);
            await MineAsync(again, Spend(new OutPoint(fifth.GetHash(), 0), fifth.Outputs[0].Value));
            await WaitUntilFoundAsync(again, data, fifth.GetHash());
            again.Daemon.Signal("KILL");
            await again.Daemon.WaitForExitAsync(TimeSpan.FromSeconds(15));
        }

        // After kill -9 the chain may have lost its unflushed blocks while the index kept them: the index must still
        // serve what the chain has, and follow new blocks.
        await using var afterKill = await DaemonRpc.StartRegtestAsync(data.Path, "-txindex");
        Assert.Equal(first.ToHex(), (await afterKill.ResultAsync("getrawtransaction", $"\"{first.GetHash()}\"")).GetString());
        // As in 0.15, RPC answers while the import still reconnects blocks that were stored but not yet flushed.
        var height = await WaitForStoredBlocksAsync(afterKill);
        var coinbase3 = uint256.Parse((await afterKill.ResultAsync("getblock", $"\"{(await afterKill.ResultAsync("getblockhash", "3")).GetString()}\"")).GetProperty("tx")[0].GetString()!);
        var sixth = Spend(new OutPoint(coinbase3, 0), Money.Coins(50));
        var sixthBlock = await MineAsync(afterKill, sixth);
        await MineAsync(afterKill, Spend(new OutPoint(sixth.GetHash(), 0), sixth.Outputs[0].Value));
        await WaitUntilFoundAsync(afterKill, data, sixth.GetHash());
        Assert.Equal(sixthBlock, (await afterKill.ResultAsync("getrawtransaction", $"\"{sixth.GetHash()}\", 1")).GetProperty("blockhash").GetString());
        Assert.Equal(height + 2, (await afterKill.ResultAsync("getblockcount")).GetInt32());
    }

    private static async Task<int> WaitForStoredBlocksAsync(DaemonRpc node)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var info = await node.ResultAsync("getblockchaininfo");
            var blocks = info.GetProperty("blocks").GetInt32();
            if (blocks == info.GetProperty("headers").GetInt32())
            {
                return blocks;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the chain stayed at {blocks} of {info.GetProperty("headers").GetInt32()} stored blocks");
            await Task.Delay(100);
        }
    }

    private static async Task WaitUntilFoundAsync(DaemonRpc node, TempDirectory data, uint256 txid)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await node.Daemon.CallAsync(Request("getrawtransaction", $"\"{txid}\""), Cookie(data))).Body.GetProperty("error").ValueKind != JsonValueKind.Null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the index did not catch up to {txid}\n" + File.ReadAllText(DebugLog(data)));
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_kill_during_the_catch_up_leaves_a_marker_whose_blocks_are_all_indexed()
    {
        using var data = new TempDirectory();
        var coinbases = new List<(uint256 Block, uint256 Coinbase)>();
        await using (var node = await DaemonRpc.StartRegtestAsync(data.Path))
        {
            foreach (var hash in (await node.ResultAsync("generatetoaddress", $"400, \"{Address}\"")).EnumerateArray())
            {
                var block = await node.ResultAsync("getblock", $"\"{hash.GetString()}\"");
                coinbases.Add((uint256.Parse(hash.GetString()!), uint256.Parse(block.GetProperty("tx")[0].GetString()!)));
            }

            node.Daemon.Signal("TERM");
            Assert.Equal(0, await node.Daemon.WaitForExitAsync(TimeSpan.FromSeconds(15)));
        }

        await using (var node = await DaemonRpc.StartRegtestAsync(data.Path, "-txindex"))
        {
            // The walk starts as RPC comes up and takes a fraction of a second: killed at once, the marker lands
            // somewhere between the genesis block and the tip (where exactly is timing; the check holds for all).
            node.Daemon.Signal("KILL");
            await node.Daemon.WaitForExitAsync(TimeSpan.FromSeconds(15));
        }

        using var store = Faithcoin.Node.Indexes.TransactionIndexStore.Open(
            Faithcoin.Node.Indexes.TransactionIndexServiceCollectionExtensions.PathIn(Path.Combine(data.Path, "regtest")));
        var marker = store.GetBestBlock();
        var indexedHeight = marker is null || marker == ChainParams.Regtest.GenesisHash ? 0 : coinbases.FindIndex(c => c.Block == marker) + 1;
        Assert.True(marker is null || marker == ChainParams.Regtest.GenesisHash || indexedHeight > 0, $"the marker {marker} is not a block of the chain");
        for (var height = 1; height <= indexedHeight; height++)
        {
            var (block, coinbase) = coinbases[height - 1];
            Assert.Equal(block, store.Find(coinbase)?.BlockHash);
        }
    }

    [Fact]
    public async Task Txindex_with_prune_stops_the_start_with_the_original_message()
    {
        using var data = new TempDirectory();
        var (exitCode, _, stderr) = await DaemonProcess.RunToExitAsync($"-datadir={data.Path}", "-regtest", "-txindex", "-prune=550");
        Assert.Equal(1, exitCode);
        Assert.Contains("Prune mode is incompatible with -txindex.", stderr, StringComparison.Ordinal);
    }

    private static string DebugLog(TempDirectory data) => Path.Combine(data.Path, "regtest", "debug.log");

    private static string Cookie(TempDirectory data) => File.ReadAllText(Path.Combine(data.Path, "regtest", ".cookie"));

    private static string Request(string method, string parameters) => $"{{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"{method}\",\"params\":[{parameters}]}}";

    private static async Task<string> MineAsync(DaemonRpc node, Transaction tx)
    {
        Assert.Equal(tx.GetHash().ToString(), (await node.ResultAsync("sendrawtransaction", $"\"{tx.ToHex()}\"")).GetString());
        var address = new Key(Enumerable.Repeat((byte)0x25, 32).ToArray()).PubKey.GetAddress(ScriptPubKeyType.Legacy, Regtest);
        return (await node.ResultAsync("generatetoaddress", $"1, \"{address}\""))[0].GetString()!;
    }

    /// <summary>Spends an output paying <see cref="Address"/> into one output to it again, less a fee.</summary>
    private Transaction Spend(OutPoint outpoint, Money value)
    {
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Inputs.Add(new TxIn(outpoint));
        tx.Outputs.Add(new TxOut(value - Money.Satoshis(100_000), Address));
        tx.Sign(key.GetBitcoinSecret(Regtest), new NBitcoin.Coin(outpoint, new TxOut(value, Address)));
        return tx;
    }
}
