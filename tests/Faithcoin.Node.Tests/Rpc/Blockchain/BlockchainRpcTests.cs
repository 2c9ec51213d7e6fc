using System.Text.Json;
using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Tests.Rpc.Blockchain;

/// <summary>The blockchain methods over a real regtest chain mined through generatetoaddress.</summary>
public sealed class BlockchainRpcTests : IDisposable
{
    private const string RegtestGenesis = "2f2a3df80323d97e3fc6700da36761482389e5f8982ed2e0425420479e36928d";

    private readonly ChainRpcHarness rpc = new();

    public void Dispose() => rpc.Dispose();

    [Fact]
    public async Task GetBlockShowsTheBlockAtEachVerbosity()
    {
        var hashes = await rpc.GenerateAsync(3);
        Assert.Equal(3, (await rpc.ResultAsync("getblockcount")).GetInt32());
        var tip = hashes[^1];

        var hex = (await rpc.ResultAsync("getblock", $"\"{tip}\", 0")).GetString()!;
        Assert.Equal(tip, Block.Load(Convert.FromHexString(hex), FaithcoinConsensusFactory.Instance).GetHash().ToString());
        Assert.Equal(hex, (await rpc.ResultAsync("getblock", $"\"{tip}\", false")).GetString());

        var one = await rpc.ResultAsync("getblock", $"\"{tip}\"");
        Assert.Equal(tip, one.GetProperty("hash").GetString());
        Assert.Equal(1, one.GetProperty("confirmations").GetInt32());
        Assert.Equal(3, one.GetProperty("height").GetInt32());
        Assert.Equal(hashes[1], one.GetProperty("previousblockhash").GetString());
        Assert.False(one.TryGetProperty("nextblockhash", out _));
        Assert.Equal(JsonValueKind.String, one.GetProperty("tx")[0].ValueKind);
        Assert.Equal(4.656542373906925e-10, one.GetProperty("difficulty").GetDouble(), 1e-20);

        var two = await rpc.ResultAsync("getblock", $"\"{tip}\", 2");
        var coinbase = two.GetProperty("tx")[0];
        Assert.Equal(JsonValueKind.Object, coinbase.ValueKind);
        Assert.True(coinbase.TryGetProperty("hex", out _));
        Assert.True(coinbase.GetProperty("vin")[0].TryGetProperty("coinbase", out _));

        var first = await rpc.ResultAsync("getblock", $"\"{hashes[0]}\", true");
        Assert.Equal(3, first.GetProperty("confirmations").GetInt32());
        Assert.Equal(hashes[1], first.GetProperty("nextblockhash").GetString());

        Assert.Equal((-5, "Block not found"), await rpc.ErrorAsync("getblock", $"\"{new string('1', 64)}\""));
        Assert.Equal((-5, "Block not found"), await rpc.ErrorAsync("getblock", "\"not a hash\""));
    }

    [Fact]
    public async Task GetBlockHeaderGivesTheObjectOrTheEightyBytes()
    {
        var hashes = await rpc.GenerateAsync(2);
        var header = await rpc.ResultAsync("getblockheader", $"\"{hashes[0]}\"");
        Assert.Equal(1, header.GetProperty("height").GetInt32());
        Assert.Equal(2, header.GetProperty("confirmations").GetInt32());
        Assert.Equal(RegtestGenesis, header.GetProperty("previousblockhash").GetString());
        Assert.Equal(hashes[1], header.GetProperty("nextblockhash").GetString());
        Assert.Equal("207fffff", header.GetProperty("bits").GetString());

        var hex = (await rpc.ResultAsync("getblockheader", $"\"{hashes[0]}\", false")).GetString()!;
        Assert.Equal(160, hex.Length);
        var parsed = FaithcoinConsensusFactory.Instance.CreateBlockHeader();
        parsed.ReadWrite(new BitcoinStream(Convert.FromHexString(hex)));
        Assert.Equal(hashes[0], parsed.GetHash().ToString());

        // 0.15 reads the hash leniently (uint256S): a 0x prefix and surrounding junk are fine.
        var lenient = await rpc.ResultAsync("getblockheader", $"\"  0x{hashes[0]}zz\"");
        Assert.Equal(hashes[0], lenient.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task GetBlockchainInfoHasTheSoftForksOf015()
    {
        await rpc.GenerateAsync(1);
        var info = await rpc.ResultAsync("getblockchaininfo");
        Assert.Equal(1, info.GetProperty("blocks").GetInt32());
        Assert.Equal(1.0, info.GetProperty("verificationprogress").GetDouble());
        Assert.False(info.GetProperty("pruned").GetBoolean());
        Assert.Equal(string.Empty, info.GetProperty("warnings").GetString());
        var softForks = info.GetProperty("softforks").EnumerateArray().ToList();
        Assert.Equal(["bip34", "bip66", "bip65"], softForks.Select(f => f.GetProperty("id").GetString()));
        Assert.Equal([2, 3, 4], softForks.Select(f => f.GetProperty("version").GetInt32()));
        Assert.All(softForks, f => Assert.False(f.GetProperty("reject").GetProperty("status").GetBoolean()));

        var bip9 = info.GetProperty("bip9_softforks");
        Assert.Equal(["csv", "segwit"], bip9.EnumerateObject().Select(p => p.Name));
        var csv = bip9.GetProperty("csv");
        Assert.Equal("defined", csv.GetProperty("status").GetString());
        Assert.Equal(0, csv.GetProperty("startTime").GetInt64());
        Assert.Equal(999999999999, csv.GetProperty("timeout").GetInt64());
        Assert.Equal(0, csv.GetProperty("since").GetInt32());
        Assert.False(csv.TryGetProperty("statistics", out _));

        // The raw text keeps UniValue's number form.
        var reply = (await rpc.CallAsync("getblockchaininfo")).GetRawText();
        Assert.Contains("\"difficulty\":4.656542373906925e-10", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bip9StatisticsAppearOnceADeploymentStarts()
    {
        await rpc.GenerateAsync(150);
        var csv = (await rpc.ResultAsync("getblockchaininfo")).GetProperty("bip9_softforks").GetProperty("csv");
        Assert.Equal("started", csv.GetProperty("status").GetString());
        Assert.Equal(0, csv.GetProperty("bit").GetInt32());
        Assert.Equal(144, csv.GetProperty("since").GetInt32());
        var statistics = csv.GetProperty("statistics");
        Assert.Equal(144, statistics.GetProperty("period").GetInt32());
        Assert.Equal(108, statistics.GetProperty("threshold").GetInt32());
        Assert.Equal(7, statistics.GetProperty("elapsed").GetInt32());
        Assert.Equal(7, statistics.GetProperty("count").GetInt32());
        Assert.True(statistics.GetProperty("possible").GetBoolean());
    }

    [Fact]
    public async Task GetTxOutFollowsTheUtxoSet()
    {
        var hashes = await rpc.GenerateAsync(2);
        var block = await rpc.ResultAsync("getblock", $"\"{hashes[0]}\"");
        var coinbase = block.GetProperty("tx")[0].GetString()!;

        var output = await rpc.ResultAsync("gettxout", $"\"{coinbase}\", 0");
        Assert.Equal(hashes[1], output.GetProperty("bestblock").GetString());
        Assert.Equal(2, output.GetProperty("confirmations").GetInt32());
        Assert.Equal("50.00000000", output.GetProperty("value").GetRawText());
        Assert.True(output.GetProperty("coinbase").GetBoolean());
        Assert.Equal("pubkeyhash", output.GetProperty("scriptPubKey").GetProperty("type").GetString());
        Assert.Equal(ChainRpcHarness.Address, output.GetProperty("scriptPubKey").GetProperty("addresses")[0].GetString());

        Assert.Equal(JsonValueKind.Null, (await rpc.ResultAsync("gettxout", $"\"{coinbase}\", 5, false")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await rpc.ResultAsync("gettxout", $"\"{new string('a', 64)}\", 0")).ValueKind);
    }

    [Fact]
    public async Task GetTxOutSetInfoCountsEveryCoinbaseButGenesis()
    {
        var hashes = await rpc.GenerateAsync(5);
        var info = await rpc.ResultAsync("gettxoutsetinfo");
        Assert.Equal(5, info.GetProperty("height").GetInt32());
        Assert.Equal(hashes[^1], info.GetProperty("bestblock").GetString());
        Assert.Equal(5, info.GetProperty("transactions").GetInt32());

        // Each coinbase pays the address and carries a zero-value witness commitment (unspendable, not a coin).
        Assert.Equal(5, info.GetProperty("txouts").GetInt32());
        Assert.Equal(5 * (50 + 25), info.GetProperty("bogosize").GetInt32());
        Assert.Equal("250.00000000", info.GetProperty("total_amount").GetRawText());
        Assert.Equal(64, info.GetProperty("hash_serialized_2").GetString()!.Length);
        Assert.True(info.GetProperty("disk_size").GetInt64() >= 0);
    }

    [Fact]
    public async Task InvalidateAndReconsiderMoveTheChainAndShowInTheTips()
    {
        var hashes = await rpc.GenerateAsync(4);
        await rpc.ResultAsync("invalidateblock", $"\"{hashes[2]}\"");
        Assert.Equal(2, (await rpc.ResultAsync("getblockcount")).GetInt32());

        var tips = (await rpc.ResultAsync("getchaintips")).EnumerateArray().ToList();
        Assert.Equal(2, tips.Count);
        Assert.Equal(4, tips[0].GetProperty("height").GetInt32());
        Assert.Equal(hashes[3], tips[0].GetProperty("hash").GetString());
        Assert.Equal(2, tips[0].GetProperty("branchlen").GetInt32());
        Assert.Equal("invalid", tips[0].GetProperty("status").GetString());
        Assert.Equal("active", tips[1].GetProperty("status").GetString());
        Assert.Equal(0, tips[1].GetProperty("branchlen").GetInt32());

        await rpc.GenerateAsync(1, ChainRpcHarness.OtherAddress);
        await rpc.ResultAsync("reconsiderblock", $"\"{hashes[2]}\"");
        Assert.Equal(hashes[3], (await rpc.ResultAsync("getbestblockhash")).GetString());
        tips = (await rpc.ResultAsync("getchaintips")).EnumerateArray().ToList();
        Assert.Equal("active", tips[0].GetProperty("status").GetString());
        Assert.Equal("valid-fork", tips[1].GetProperty("status").GetString());
        Assert.Equal(1, tips[1].GetProperty("branchlen").GetInt32());

        Assert.Equal((-5, "Block not found"), await rpc.ErrorAsync("invalidateblock", $"\"{new string('2', 64)}\""));
        Assert.Equal((-5, "Block not found"), await rpc.ErrorAsync("reconsiderblock", $"\"{new string('2', 64)}\""));
        Assert.Equal((-5, "Block not found"), await rpc.ErrorAsync("preciousblock", $"\"{new string('2', 64)}\""));
    }

    [Fact]
    public async Task PreciousBlockSwitchesBetweenEqualWorkTips()
    {
        var hashes = await rpc.GenerateAsync(2);
        await rpc.ResultAsync("invalidateblock", $"\"{hashes[1]}\"");
        var other = (await rpc.GenerateAsync(1, ChainRpcHarness.OtherAddress))[0];
        await rpc.ResultAsync("reconsiderblock", $"\"{hashes[1]}\"");
        Assert.Equal(hashes[1], (await rpc.ResultAsync("getbestblockhash")).GetString());

        await rpc.ResultAsync("preciousblock", $"\"{other}\"");
        Assert.Equal(other, (await rpc.ResultAsync("getbestblockhash")).GetString());
    }

    [Fact]
    public async Task VerifyChainPassesAtEveryLevel()
    {
        await rpc.GenerateAsync(8);
        for (var level = 0; level <= 4; level++)
        {
            Assert.True((await rpc.ResultAsync("verifychain", $"{level}, 0")).GetBoolean());
        }

        Assert.True((await rpc.ResultAsync("verifychain")).GetBoolean());
        Assert.Equal(8, (await rpc.ResultAsync("getblockcount")).GetInt32());
    }

    [Fact]
    public async Task SmallMethodsAnswerAs015()
    {
        Assert.Equal("4.656542373906925e-10", (await rpc.ResultAsync("getdifficulty")).GetRawText());
        Assert.Equal((-1, "Cannot prune blocks because node is not in prune mode."), await rpc.ErrorAsync("pruneblockchain", "10"));
        Assert.Equal(-1, (await rpc.ErrorAsync("getblock")).Code);
    }

    [Fact]
    public async Task WaitForMethodsReturnWhenTheTipGetsThere()
    {
        var waitHeight = rpc.ResultAsync("waitforblockheight", "2");
        var waitNew = rpc.ResultAsync("waitfornewblock");
        await Task.Delay(50);
        Assert.False(waitHeight.IsCompleted);
        var hashes = await rpc.GenerateAsync(2);
        var reached = await waitHeight.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, reached.GetProperty("height").GetInt32());
        Assert.Equal(hashes[1], reached.GetProperty("hash").GetString());
        Assert.InRange((await waitNew.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("height").GetInt32(), 1, 2);

        var block = await rpc.ResultAsync("waitforblock", $"\"{hashes[1]}\", 1000");
        Assert.Equal(2, block.GetProperty("height").GetInt32());

        // On timeout the current tip comes back.
        var timedOut = await rpc.ResultAsync("waitforblockheight", "50, 100");
        Assert.Equal(2, timedOut.GetProperty("height").GetInt32());
        timedOut = await rpc.ResultAsync("waitfornewblock", "100");
        Assert.Equal(hashes[1], timedOut.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task HiddenMethodsStayOutOfTheHelpList()
    {
        var help = (await rpc.ResultAsync("help")).GetString()!;
        Assert.Contains("getblock \"blockhash\" ( verbosity )", help, StringComparison.Ordinal);
        Assert.Contains("== Generating ==\ngeneratetoaddress nblocks address (maxtries)", help, StringComparison.Ordinal);
        Assert.Matches("== Rawtransactions ==\n([^=\n]+\n)*getrawtransaction \"txid\" \\( verbose \\)\n", help);
        Assert.DoesNotContain("invalidateblock", help, StringComparison.Ordinal);
        Assert.DoesNotContain("waitforblock", help, StringComparison.Ordinal);
    }
}
