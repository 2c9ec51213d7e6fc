using System.Text.Json;
using Faithcoin.Node.Tests.Rpc.Blockchain;
using NBitcoin;

namespace Faithcoin.Node.Tests.Rpc.Mining;

/// <summary>The mining, generating and raw transaction methods over a real regtest chain.</summary>
public sealed class MiningRpcTests : IDisposable
{
    private readonly ChainRpcHarness rpc = new();

    public void Dispose() => rpc.Dispose();

    [Fact]
    public async Task GenerateToAddressMinesDurableBlocksAndChecksItsArguments()
    {
        var hashes = await rpc.GenerateAsync(3);
        Assert.Equal(3, hashes.Distinct().Count());
        Assert.Equal(hashes[^1], (await rpc.ResultAsync("getbestblockhash")).GetString());
        Assert.All(hashes, h => Assert.True(rpc.Chain.FindBlock(uint256.Parse(h))!.HaveData));

        Assert.Equal((-5, "Error: Invalid address"), await rpc.ErrorAsync("generatetoaddress", "1, \"nonsense\""));
        Assert.Empty((await rpc.ResultAsync("generatetoaddress", $"0, \"{ChainRpcHarness.Address}\"")).EnumerateArray());

        // With no tries to spend nothing is mined.
        Assert.Empty((await rpc.ResultAsync("generatetoaddress", $"2, \"{ChainRpcHarness.Address}\", 0")).EnumerateArray());

        // generate is a wallet method in 0.15; without a wallet it does not exist.
        Assert.Equal(-32601, (await rpc.ErrorAsync("generate", "1")).Code);
    }

    [Fact]
    public async Task ATemplateMinedBySomeoneElseIsAcceptedOnce()
    {
        await rpc.GenerateAsync(2);
        var template = await rpc.ResultAsync("getblocktemplate", """{"rules":["segwit"]}""");
        Assert.Equal(3, template.GetProperty("height").GetInt32());
        Assert.Equal((await rpc.ResultAsync("getbestblockhash")).GetString(), template.GetProperty("previousblockhash").GetString());
        Assert.Equal(50_0000_0000, template.GetProperty("coinbasevalue").GetInt64());
        Assert.Equal(["proposal"], template.GetProperty("capabilities").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("7fffff0000000000000000000000000000000000000000000000000000000000", template.GetProperty("target").GetString());
        Assert.Equal(JsonValueKind.Array, template.GetProperty("rules").ValueKind);
        Assert.Equal(0, template.GetProperty("vbrequired").GetInt32());
        Assert.Equal(JsonValueKind.String, template.GetProperty("longpollid").ValueKind);

        var block = TemplateBlockBuilder.Build(template);
        var hex = Convert.ToHexStringLower(block.ToBytes());
        Assert.Equal(JsonValueKind.Null, (await rpc.ResultAsync("getblocktemplate", $$"""{"mode":"proposal","data":"{{hex}}"}""")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await rpc.ResultAsync("submitblock", $"\"{hex}\"")).ValueKind);
        Assert.Equal(block.GetHash().ToString(), (await rpc.ResultAsync("getbestblockhash")).GetString());
        Assert.Equal("duplicate", (await rpc.ResultAsync("submitblock", $"\"{hex}\"")).GetString());
        Assert.Equal("duplicate", (await rpc.ResultAsync("getblocktemplate", $$"""{"mode":"proposal","data":"{{hex}}"}""")).GetString());

        Assert.Equal((-22, "Block decode failed"), await rpc.ErrorAsync("submitblock", "\"00zz\""));
        Assert.Equal((-22, "Block decode failed"), await rpc.ErrorAsync("getblocktemplate", """{"mode":"proposal","data":"0"}"""));
        Assert.Equal((-3, "Missing data String key for proposal"), await rpc.ErrorAsync("getblocktemplate", """{"mode":"proposal"}"""));
        Assert.Equal((-8, "Invalid mode"), await rpc.ErrorAsync("getblocktemplate", """{"mode":"other"}"""));
    }

    [Fact]
    public async Task ProposalsAndSubmissionsReportTheBrokenRule()
    {
        await rpc.GenerateAsync(1);
        var template = await rpc.ResultAsync("getblocktemplate");
        var block = TemplateBlockBuilder.Build(template);
        block.Transactions[0].Outputs[0].Value += Money.Satoshis(1);
        block.Header.HashMerkleRoot = Consensus.Rules.Blocks.MerkleRoots.BlockRoot(block, out _);
        var hex = Convert.ToHexStringLower(block.ToBytes());
        Assert.Equal("bad-cb-amount", (await rpc.ResultAsync("getblocktemplate", $$"""{"mode":"proposal","data":"{{hex}}"}""")).GetString());

        var stale = TemplateBlockBuilder.Build(template);
        await rpc.GenerateAsync(1);
        Assert.Equal(
            "inconclusive-not-best-prevblk",
            (await rpc.ResultAsync("getblocktemplate", $$"""{"mode":"proposal","data":"{{Convert.ToHexStringLower(stale.ToBytes())}}"}""")).GetString());
    }

    [Fact]
    public async Task TheTemplateIsCachedUntilTheTipMovesAndLongPollsWaitForIt()
    {
        var first = await rpc.ResultAsync("getblocktemplate");
        var again = await rpc.ResultAsync("getblocktemplate");
        Assert.Equal(first.GetProperty("previousblockhash").GetString(), again.GetProperty("previousblockhash").GetString());
        Assert.Equal(first.GetProperty("longpollid").GetString(), again.GetProperty("longpollid").GetString());

        var poll = rpc.ResultAsync("getblocktemplate", $$"""{"longpollid":"{{first.GetProperty("longpollid").GetString()}}"}""");
        await Task.Delay(50);
        Assert.False(poll.IsCompleted);
        var mined = await rpc.GenerateAsync(1);
        var next = await poll.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(mined[0], next.GetProperty("previousblockhash").GetString());
        Assert.Equal(2, next.GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task MiningInfoAndHashRateDescribeTheChain()
    {
        var empty = await rpc.ResultAsync("getmininginfo");
        Assert.Equal(0, empty.GetProperty("blocks").GetInt32());
        Assert.Equal(0, empty.GetProperty("networkhashps").GetDouble());

        await rpc.GenerateAsync(3);
        var info = await rpc.ResultAsync("getmininginfo");
        Assert.Equal(3, info.GetProperty("blocks").GetInt32());
        Assert.Equal(4000, info.GetProperty("currentblockweight").GetInt32());
        Assert.Equal(0, info.GetProperty("currentblocktx").GetInt32());
        Assert.Equal(0, info.GetProperty("pooledtx").GetInt32());
        Assert.Equal("regtest", info.GetProperty("chain").GetString());
        Assert.Equal(string.Empty, info.GetProperty("errors").GetString());
        Assert.Equal(
            ["blocks", "currentblockweight", "currentblocktx", "difficulty", "errors", "networkhashps", "pooledtx", "chain"],
            info.EnumerateObject().Select(p => p.Name));
        Assert.True((await rpc.ResultAsync("getnetworkhashps", "-1, 2")).GetDouble() >= 0);
    }

    [Fact]
    public async Task GetRawTransactionFindsTransactionsWithUnspentOutputs()
    {
        var hashes = await rpc.GenerateAsync(2);
        var coinbase = (await rpc.ResultAsync("getblock", $"\"{hashes[0]}\"")).GetProperty("tx")[0].GetString()!;

        var hex = (await rpc.ResultAsync("getrawtransaction", $"\"{coinbase}\"")).GetString()!;
        Assert.Equal(coinbase, Transaction.Parse(hex, Consensus.Chain.ChainParams.Regtest.Network).GetHash().ToString());

        var verbose = await rpc.ResultAsync("getrawtransaction", $"\"{coinbase}\", 1");
        Assert.Equal(coinbase, verbose.GetProperty("txid").GetString());
        Assert.Equal(hex, verbose.GetProperty("hex").GetString());
        Assert.Equal(hashes[0], verbose.GetProperty("blockhash").GetString());
        Assert.Equal(2, verbose.GetProperty("confirmations").GetInt32());
        Assert.Equal(verbose.GetProperty("time").GetInt64(), verbose.GetProperty("blocktime").GetInt64());

        Assert.Equal(
            (-5, "No such mempool transaction. Use -txindex to enable blockchain transaction queries. Use gettransaction for wallet transactions."),
            await rpc.ErrorAsync("getrawtransaction", $"\"{new string('b', 64)}\""));
        Assert.Equal((-8, "parameter 1 must be of length 64 (not 4)"), await rpc.ErrorAsync("getrawtransaction", "\"abcd\""));
        Assert.Equal((-8, "parameter 1 must be hexadecimal string (not 'xyz')"), await rpc.ErrorAsync("getrawtransaction", "\"xyz\""));
        Assert.Equal(
            (-3, "Invalid type provided. Verbose parameter must be a boolean."),
            await rpc.ErrorAsync("getrawtransaction", $"\"{coinbase}\", \"yes\""));
    }
}
