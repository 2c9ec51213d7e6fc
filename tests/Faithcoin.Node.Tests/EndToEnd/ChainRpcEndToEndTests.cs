using System.Net;
using System.Text.Json;
using Faithcoin.Node.Tests.Rpc.Mining;
using NBitcoin;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>The chain, mining and raw transaction methods through the real faithcoind on regtest.</summary>
[Collection(DaemonCollection.Name)]
public sealed class ChainRpcEndToEndTests
{
    // A regtest P2PKH address (prefix 111), independent of the code under test.
    private const string Address = "mkHS9ne12qx9pS9VojpwU5xtRd4T7X7ZUt";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RegtestMinesServesAndReorganisesOverRpc()
    {
        using var data = new TempDirectory();
        var port = DaemonProcess.FreePort();
        var cookiePath = data.Combine("regtest", ".cookie");
        await using var daemon = DaemonProcess.Start(port, "-regtest", $"-datadir={data.Path}", $"-rpcport={port}");
        await daemon.WaitUntilReadyAsync(() => File.Exists(cookiePath) ? File.ReadAllText(cookiePath) : null, StartTimeout);
        var credentials = File.ReadAllText(cookiePath);
        var client = new DaemonRpc(daemon, credentials);

        var waiter = client.ResultAsync("waitforblockheight", "101, 60000");
        var hashes = (await client.ResultAsync("generatetoaddress", $"101, \"{Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToList();
        Assert.Equal(101, hashes.Count);
        Assert.Equal(101, (await client.ResultAsync("getblockcount")).GetInt32());
        var reached = await waiter.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(101, reached.GetProperty("height").GetInt32());
        Assert.Equal(hashes[^1], reached.GetProperty("hash").GetString());

        var tip = hashes[^1];
        var raw = (await client.ResultAsync("getblock", $"\"{tip}\", 0")).GetString()!;
        Assert.Matches("^[0-9a-f]+$", raw);
        var block = await client.ResultAsync("getblock", $"\"{tip}\", 1");
        Assert.Equal(101, block.GetProperty("height").GetInt32());
        Assert.Equal(1, block.GetProperty("confirmations").GetInt32());
        Assert.Equal(raw.Length / 2, block.GetProperty("size").GetInt32());
        Assert.Equal(hashes[^2], block.GetProperty("previousblockhash").GetString());
        var detailed = await client.ResultAsync("getblock", $"\"{tip}\", 2");
        Assert.Equal(
            block.GetProperty("tx")[0].GetString(),
            detailed.GetProperty("tx")[0].GetProperty("txid").GetString());

        var header = await client.ResultAsync("getblockheader", $"\"{tip}\"");
        Assert.Equal(block.GetProperty("merkleroot").GetString(), header.GetProperty("merkleroot").GetString());
        Assert.Equal(raw[..160], (await client.ResultAsync("getblockheader", $"\"{tip}\", false")).GetString());

        var firstCoinbase = (await client.ResultAsync("getblock", $"\"{hashes[0]}\"")).GetProperty("tx")[0].GetString()!;
        var output = await client.ResultAsync("gettxout", $"\"{firstCoinbase}\", 0");
        Assert.Equal(101, output.GetProperty("confirmations").GetInt32());
        Assert.Equal("50.00000000", output.GetProperty("value").GetRawText());
        Assert.Equal(Address, output.GetProperty("scriptPubKey").GetProperty("addresses")[0].GetString());
        var transaction = await client.ResultAsync("getrawtransaction", $"\"{firstCoinbase}\", true");
        Assert.Equal(hashes[0], transaction.GetProperty("blockhash").GetString());

        var set = await client.ResultAsync("gettxoutsetinfo");
        Assert.Equal(101, set.GetProperty("height").GetInt32());
        Assert.Equal(tip, set.GetProperty("bestblock").GetString());
        Assert.Equal(101, set.GetProperty("transactions").GetInt32());
        Assert.Equal(101, set.GetProperty("txouts").GetInt32());
        Assert.Equal("5050.00000000", set.GetProperty("total_amount").GetRawText());

        await client.ResultAsync("invalidateblock", $"\"{tip}\"");
        Assert.Equal(100, (await client.ResultAsync("getblockcount")).GetInt32());
        var tips = (await client.ResultAsync("getchaintips")).EnumerateArray().ToList();
        Assert.Contains(tips, t => t.GetProperty("hash").GetString() == tip && t.GetProperty("status").GetString() == "invalid");
        await client.ResultAsync("reconsiderblock", $"\"{tip}\"");
        Assert.Equal(tip, (await client.ResultAsync("getbestblockhash")).GetString());
        Assert.Single((await client.ResultAsync("getchaintips")).EnumerateArray());

        var template = await client.ResultAsync("getblocktemplate", """{"rules":["segwit"]}""");
        Assert.Equal(102, template.GetProperty("height").GetInt32());
        Assert.Equal(tip, template.GetProperty("previousblockhash").GetString());
        var mined = TemplateBlockBuilder.Build(template);
        var hex = Convert.ToHexStringLower(mined.ToBytes());
        Assert.Equal(JsonValueKind.Null, (await client.ResultAsync("submitblock", $"\"{hex}\"")).ValueKind);
        Assert.Equal(mined.GetHash().ToString(), (await client.ResultAsync("getbestblockhash")).GetString());
        Assert.Equal("duplicate", (await client.ResultAsync("submitblock", $"\"{hex}\"")).GetString());
        var (status, garbage) = await daemon.CallAsync("""{"method":"submitblock","params":["deadbeef"],"id":1}""", credentials);
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(-22, garbage.GetProperty("error").GetProperty("code").GetInt32());

        Assert.True((await client.ResultAsync("verifychain", "4, 10")).GetBoolean());
        await client.ResultAsync("stop");
        Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(20)));
    }
}
