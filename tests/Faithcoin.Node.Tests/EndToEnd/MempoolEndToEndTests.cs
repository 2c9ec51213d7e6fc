using System.Text.Json;
using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// The mempool through the real faithcoind: sendrawtransaction and the mempool RPCs and REST, mining from the pool,
/// relay to a connected node, and mempool.dat across a SIGTERM restart.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class MempoolEndToEndTests
{
    private readonly RegtestWallet wallet = new();

    private string Address => wallet.Address;

    [Fact]
    public async Task A_sent_transaction_is_served_mined_and_relayed()
    {
        using var dataA = new TempDirectory();
        using var dataB = new TempDirectory();
        var portA = DaemonProcess.FreePort();
        // B is whitelisted on A, so A announces to it at every pass: the inbound trickle is Poisson with a 5 s mean,
        // whose tail alone could outlast the wait on a loaded machine. The trickle itself is tested in the P2P tests.
        await using var a = await DaemonRpc.StartRegtestAsync(
            dataA.Path, $"-port={portA}", "-rest", "-debug=net", "-debug=mempool", "-logips", "-whitelist=127.0.0.1");
        await using var b = await DaemonRpc.StartRegtestAsync(dataB.Path, $"-connect=127.0.0.1:{portA}", "-debug=net", "-debug=mempool");
        var blocks = (await a.ResultAsync("generatetoaddress", $"101, \"{Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToList();
        await WaitForAsync(async () => (await b.ResultAsync("getblockcount")).GetInt32() == 101, "B syncs the chain");

        var info = await a.ResultAsync("getinfo");
        Assert.Equal(101, info.GetProperty("blocks").GetInt32());
        Assert.Equal(1, info.GetProperty("connections").GetInt32());
        Assert.Equal("0.00100000", info.GetProperty("relayfee").GetRawText());
        Assert.False(info.GetProperty("testnet").GetBoolean());
        Assert.StartsWith("WARNING: getinfo is deprecated", info.GetProperty("deprecation-warning").GetString(), StringComparison.Ordinal);

        var tx = await wallet.SpendCoinbaseAsync(a, blocks[0], fee: 100_000);
        var txid = (await a.ResultAsync("sendrawtransaction", $"\"{tx.ToHex()}\"")).GetString();
        Assert.Equal(tx.GetHash().ToString(), txid);

        Assert.Equal(txid, (await a.ResultAsync("getrawmempool"))[0].GetString());
        var pool = await a.ResultAsync("getmempoolinfo");
        Assert.Equal(1, pool.GetProperty("size").GetInt32());
        Assert.Equal(tx.GetVirtualSize(), pool.GetProperty("bytes").GetInt32());
        Assert.Equal("0.00100000", pool.GetProperty("mempoolminfee").GetRawText());
        var entry = await a.ResultAsync("getmempoolentry", $"\"{txid}\"");
        Assert.Equal("0.00100000", entry.GetProperty("fee").GetRawText());
        Assert.Equal(101, entry.GetProperty("height").GetInt32());
        Assert.Equal(0, (await a.ResultAsync("gettxout", $"\"{txid}\", 0")).GetProperty("confirmations").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await a.ResultAsync("gettxout", $"\"{tx.Inputs[0].PrevOut.Hash}\", 0")).ValueKind);
        Assert.Equal(tx.ToHex(), (await a.ResultAsync("getrawtransaction", $"\"{txid}\"")).GetString());
        var rest = await a.Daemon.GetRestAsync("/rest/mempool/contents.json");
        Assert.Contains(txid!, rest, StringComparison.Ordinal);

        // Sent again: the pool has it, so it is only announced again; a double spend is refused as 0.15 words it.
        Assert.Equal(txid, (await a.ResultAsync("sendrawtransaction", $"\"{tx.ToHex()}\"")).GetString());
        var doubleSpend = await wallet.SpendCoinbaseAsync(a, blocks[0], fee: 200_000);
        Assert.Equal((-26, "18: txn-mempool-conflict"), await a.ErrorAsync("sendrawtransaction", $"\"{doubleSpend.ToHex()}\""));
        var unknownInput = await wallet.SpendCoinbaseAsync(a, blocks[0], fee: 100_000, prevout: new OutPoint(uint256.One, 0));
        Assert.Equal((-25, "Missing inputs"), await a.ErrorAsync("sendrawtransaction", $"\"{unknownInput.ToHex()}\""));
        Assert.Equal(-22, (await a.ErrorAsync("sendrawtransaction", "\"00ff\"")).Code);

        await WaitForAsync(
            async () => (await b.ResultAsync("getrawmempool")).EnumerateArray().Any(t => t.GetString() == txid),
            "B receives the relayed transaction",
            () => LogTail(dataA, "A") + LogTail(dataB, "B"));

        var mined = (await a.ResultAsync("generatetoaddress", $"1, \"{Address}\""))[0].GetString();
        var block = await a.ResultAsync("getblock", $"\"{mined}\"");
        Assert.Equal(txid, block.GetProperty("tx")[1].GetString());
        Assert.Equal(0, (await a.ResultAsync("getmempoolinfo")).GetProperty("size").GetInt32());
        Assert.Equal((-27, "transaction already in block chain"), await a.ErrorAsync("sendrawtransaction", $"\"{tx.ToHex()}\""));
        await WaitForAsync(async () => (await b.ResultAsync("getmempoolinfo")).GetProperty("size").GetInt32() == 0, "B drops the mined transaction");

        // -logips: A names its peer's address in the net log lines, B (without it) only the peer number.
        var logA = File.ReadAllText(Path.Combine(dataA.Path, "regtest", "debug.log"));
        var logB = File.ReadAllText(Path.Combine(dataB.Path, "regtest", "debug.log"));
        Assert.Contains("peeraddr=127.0.0.1", logA, StringComparison.Ordinal);
        Assert.Contains("receive version message", logB, StringComparison.Ordinal);
        Assert.DoesNotContain("peeraddr=", logB, StringComparison.Ordinal);

        var proof = (await a.ResultAsync("gettxoutproof", $"[\"{txid}\"]")).GetString();
        Assert.Equal(txid, (await a.ResultAsync("verifytxoutproof", $"\"{proof}\""))[0].GetString());
    }

    [Fact]
    public async Task The_pool_survives_a_sigterm_restart_through_mempool_dat()
    {
        using var data = new TempDirectory();
        string txid;
        string[] blocks;
        await using (var node = await DaemonRpc.StartRegtestAsync(data.Path))
        {
            blocks = (await node.ResultAsync("generatetoaddress", $"102, \"{Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToArray();
            var tx = await wallet.SpendCoinbaseAsync(node, blocks[0], fee: 150_000);
            txid = (await node.ResultAsync("sendrawtransaction", $"\"{tx.ToHex()}\"")).GetString()!;
            await node.ResultAsync("prioritisetransaction", $"\"{txid}\", 0, 12345");
            node.Daemon.Signal("TERM");
            Assert.Equal(0, await node.Daemon.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }

        Assert.True(File.Exists(Path.Combine(data.Path, "regtest", "mempool.dat")));
        await using var restarted = await DaemonRpc.StartRegtestAsync(data.Path);
        await WaitForAsync(async () => (await restarted.ResultAsync("getmempoolinfo")).GetProperty("size").GetInt32() == 1, "the pool is loaded");
        var entry = await restarted.ResultAsync("getmempoolentry", $"\"{txid}\"");
        Assert.Equal("0.00162345", entry.GetProperty("modifiedfee").GetRawText());
        Assert.Equal(blocks[^1], (await restarted.ResultAsync("getbestblockhash")).GetString());
    }

    [Fact]
    public async Task Relatives_verbose_entries_and_prioritisation_show_through_rpc_and_the_template()
    {
        using var data = new TempDirectory();
        await using var node = await DaemonRpc.StartRegtestAsync(data.Path, "-rest");
        var blocks = (await node.ResultAsync("generatetoaddress", $"102, \"{Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToArray();
        var parent = await wallet.SpendCoinbaseAsync(node, blocks[0], fee: 100_000);
        var child = wallet.SpendOutput(parent, 0, fee: 100_000);
        var loner = await wallet.SpendCoinbaseAsync(node, blocks[1], fee: 150_000);
        foreach (var tx in new[] { parent, child, loner })
        {
            await node.ResultAsync("sendrawtransaction", $"\"{tx.ToHex()}\"");
        }

        var (p, c, l) = (parent.GetHash().ToString(), child.GetHash().ToString(), loner.GetHash().ToString());
        var verbose = await node.ResultAsync("getrawmempool", "true");
        Assert.Equal(p, verbose.GetProperty(c).GetProperty("depends")[0].GetString());
        Assert.Equal(2, verbose.GetProperty(p).GetProperty("descendantcount").GetInt32());
        Assert.Equal(200_000, verbose.GetProperty(c).GetProperty("ancestorfees").GetInt64());
        Assert.Equal(p, (await node.ResultAsync("getmempoolancestors", $"\"{c}\""))[0].GetString());
        var descendants = await node.ResultAsync("getmempooldescendants", $"\"{p}\", true");
        Assert.Equal(2, descendants.GetProperty(c).GetProperty("ancestorcount").GetInt32());
        Assert.Equal((-5, "Transaction not in mempool"), await node.ErrorAsync("getmempoolentry", $"\"{uint256.One}\""));

        // The loner pays the best rate, so it leads the template, until the parent is prioritised above it.
        Assert.Equal(l, TemplateOrder(await node.ResultAsync("getblocktemplate", """{"rules":["segwit"]}"""))[0]);
        await node.ResultAsync("prioritisetransaction", $"\"{p}\", 0, 1000000");
        Assert.Equal((-8, "Priority is no longer supported, dummy argument to prioritisetransaction must be 0."), await node.ErrorAsync("prioritisetransaction", $"\"{p}\", 1, 5"));
        await Task.Delay(TimeSpan.FromSeconds(6));
        // Prioritised, the parent goes first on its own; the child alone then pays less than the loner.
        Assert.Equal([p, l, c], TemplateOrder(await node.ResultAsync("getblocktemplate", """{"rules":["segwit"]}""")));

        var utxos = await node.Daemon.GetRestAsync($"/rest/getutxos/checkmempool/{c}-0.json");
        Assert.Contains("\"bitmap\":\"1\"", utxos, StringComparison.Ordinal);
        var spent = await node.Daemon.GetRestAsync($"/rest/getutxos/checkmempool/{p}-0.json");
        Assert.Contains("\"bitmap\":\"0\"", spent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mempool_options_reach_the_pool_through_the_command_line()
    {
        using var data = new TempDirectory();
        await using (var node = await DaemonRpc.StartRegtestAsync(
            data.Path, "-maxmempool=5", "-minrelaytxfee=0.002", "-persistmempool=0", "-limitancestorcount=1", "-acceptnonstdtxn=0", "-datacarrier=0"))
        {
            var blocks = (await node.ResultAsync("generatetoaddress", $"101, \"{Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToArray();
            var info = await node.ResultAsync("getmempoolinfo");
            Assert.Equal(5_000_000, info.GetProperty("maxmempool").GetInt64());
            Assert.Equal("0.00200000", info.GetProperty("mempoolminfee").GetRawText());
            Assert.Equal("0.00200000", (await node.ResultAsync("getnetworkinfo")).GetProperty("relayfee").GetRawText());

            // 20,000 satoshis on ~190 vbytes is below 0.002/kB; 500,000 is above.
            var withData = await wallet.SpendCoinbaseAsync(node, blocks[0], fee: 500_000, data: new Script(OpcodeType.OP_RETURN, Op.GetPushOp(new byte[4])));
            Assert.Equal((-26, "64: scriptpubkey"), await node.ErrorAsync("sendrawtransaction", $"\"{withData.ToHex()}\""));
            var cheap = await wallet.SpendCoinbaseAsync(node, blocks[0], fee: 20_000);
            Assert.Equal((-26, "66: min relay fee not met"), await node.ErrorAsync("sendrawtransaction", $"\"{cheap.ToHex()}\""));
            var parent = await wallet.SpendCoinbaseAsync(node, blocks[0], fee: 500_000);
            await node.ResultAsync("sendrawtransaction", $"\"{parent.ToHex()}\"");
            var child = wallet.SpendOutput(parent, 0, fee: 500_000);
            Assert.Equal((-26, "64: too-long-mempool-chain"), await node.ErrorAsync("sendrawtransaction", $"\"{child.ToHex()}\""));

            node.Daemon.Signal("TERM");
            Assert.Equal(0, await node.Daemon.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }

        // -persistmempool=0: nothing written at shutdown.
        Assert.False(File.Exists(Path.Combine(data.Path, "regtest", "mempool.dat")));
    }

    [Fact]
    public async Task Standardness_data_carrier_and_replacement_options_through_the_command_line()
    {
        using var data = new TempDirectory();
        await using var node = await DaemonRpc.StartRegtestAsync(
            data.Path, "-acceptnonstdtxn=0", "-datacarriersize=10", "-mempoolreplacement=1", "-permitbaremultisig=0");
        var blocks = (await node.ResultAsync("generatetoaddress", $"101, \"{Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToArray();

        var tooMuchData = new Script(OpcodeType.OP_RETURN, Op.GetPushOp(new byte[20]));
        var refused = await wallet.SpendCoinbaseAsync(node, blocks[0], fee: 500_000, data: tooMuchData);
        Assert.Equal((-26, "64: scriptpubkey"), await node.ErrorAsync("sendrawtransaction", $"\"{refused.ToHex()}\""));
        var bareMultisig = PayToMultiSigTemplate.Instance.GenerateScriptPubKey(1, wallet.Key.PubKey);
        var bare = await wallet.SpendCoinbaseAsync(node, blocks[0], fee: 500_000, data: bareMultisig);
        Assert.Equal((-26, "64: bare-multisig"), await node.ErrorAsync("sendrawtransaction", $"\"{bare.ToHex()}\""));

        var original = await wallet.SpendCoinbaseAsync(node, blocks[0], fee: 500_000, sequence: 0xfffffffd);
        await node.ResultAsync("sendrawtransaction", $"\"{original.ToHex()}\"");
        var replacement = await wallet.SpendCoinbaseAsync(node, blocks[0], fee: 1_000_000);
        await node.ResultAsync("sendrawtransaction", $"\"{replacement.ToHex()}\"");
        var pool = (await node.ResultAsync("getrawmempool")).EnumerateArray().Select(t => t.GetString()!).ToArray();
        Assert.Equal([replacement.GetHash().ToString()], pool);
    }

    [Fact]
    public async Task Alert_log_serialization_and_expiry_options_through_the_command_line()
    {
        using var data = new TempDirectory();
        var alerts = Path.Combine(data.Path, "alerts.txt");
        await using var node = await DaemonRpc.StartRegtestAsync(
            data.Path,
            "-blockversion=536871170",
            $"-alertnotify=echo %s >> {alerts}",
            "-logtimemicros",
            "-rpcserialversion=0",
            "-mempoolexpiry=1");

        // Blocks signalling segwit (bit 1) and a bit no deployment knows (8): both lock in and activate.
        var blocks = (await node.ResultAsync("generatetoaddress", $"440, \"{Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToArray();
        // 0.15 alerts once, for the first warning: here the unknown versions, well before the rule activates.
        await WaitForAsync(() => Task.FromResult(File.Exists(alerts)), "-alertnotify runs");
        var alert = Assert.Single(File.ReadAllLines(alerts));
        Assert.Contains("Unknown block versions being mined", alert, StringComparison.Ordinal);
        Assert.Contains("Unknown block versions being mined", (await node.ResultAsync("getblockchaininfo")).GetProperty("warnings").GetString(), StringComparison.Ordinal);
        var log = File.ReadAllText(Path.Combine(data.Path, "regtest", "debug.log"));
        Assert.Contains("unknown new rules activated (versionbit 8)", log, StringComparison.Ordinal);
        var firstLine = File.ReadLines(Path.Combine(data.Path, "regtest", "debug.log")).First();
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} ", firstLine);

        // -rpcserialversion=0: the tip's coinbase carries a witness, which the raw hex leaves out.
        var tip = await node.ResultAsync("getblock", $"\"{blocks[^1]}\"");
        var hex = (await node.ResultAsync("getblock", $"\"{blocks[^1]}\", 0")).GetString()!;
        Assert.Equal(tip.GetProperty("strippedsize").GetInt32(), hex.Length / 2);
        Assert.True(tip.GetProperty("size").GetInt32() > hex.Length / 2);

        // -mempoolexpiry=1: two hours on (mock time), the next acceptance expires the first entry.
        var first = await wallet.SpendCoinbaseAsync(node, blocks[0], fee: 500_000);
        await node.ResultAsync("sendrawtransaction", $"\"{first.ToHex()}\"");
        await node.ResultAsync("setmocktime", (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 7200).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var second = await wallet.SpendCoinbaseAsync(node, blocks[1], fee: 500_000);
        await node.ResultAsync("sendrawtransaction", $"\"{second.ToHex()}\"");
        var pool = (await node.ResultAsync("getrawmempool")).EnumerateArray().Select(t => t.GetString()!).ToArray();
        Assert.Equal([second.GetHash().ToString()], pool);
    }

    private static string[] TemplateOrder(JsonElement template) =>
        template.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("txid").GetString()!).ToArray();

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what + "\n" + diagnostics?.Invoke());
            await Task.Delay(200);
        }
    }

    private static string LogTail(TempDirectory data, string name) =>
        $"--- {name}\n" + string.Join('\n', File.ReadLines(Path.Combine(data.Path, "regtest", "debug.log")).TakeLast(40)) + "\n";
}
