using System.Text.Json;
using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// The methods other end-to-end classes do not reach, each called once through the real faithcoind with valid
/// arguments and checked for the shape 0.15 answers with.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed class RpcSurfaceEndToEndTests
{
    private static readonly Network Regtest = ChainParams.Regtest.Network;

    [Fact]
    public async Task Every_remaining_method_answers_as_015()
    {
        using var data = new TempDirectory();
        await using var node = await DaemonRpc.StartRegtestAsync(data.Path);
        var keys = Enumerable.Range(1, 2).Select(i => new Key(Enumerable.Repeat((byte)(0x10 + i), 32).ToArray())).ToArray();
        var address = keys[0].PubKey.GetAddress(ScriptPubKeyType.Legacy, Regtest).ToString();
        var hashes = (await node.ResultAsync("generatetoaddress", $"3, \"{address}\"")).EnumerateArray().Select(h => h.GetString()!).ToArray();

        // Blockchain and mining.
        Assert.True((await node.ResultAsync("getdifficulty")).GetDouble() > 0);
        Assert.True((await node.ResultAsync("verifychain", "3, 3")).GetBoolean());
        Assert.Equal(JsonValueKind.Null, (await node.ResultAsync("preciousblock", $"\"{hashes[^1]}\"")).ValueKind);
        Assert.Equal(3, (await node.ResultAsync("getmininginfo")).GetProperty("blocks").GetInt32());
        Assert.True((await node.ResultAsync("getnetworkhashps")).GetDouble() >= 0);
        Assert.Equal(3, (await node.ResultAsync("waitforblockheight", "3, 1000")).GetProperty("height").GetInt32());
        Assert.Equal(hashes[^1], (await node.ResultAsync("waitforblock", $"\"{hashes[^1]}\", 1000")).GetProperty("hash").GetString());
        Assert.Equal(hashes[^1], (await node.ResultAsync("waitfornewblock", "100")).GetProperty("hash").GetString());

        // Scripts and multisig.
        var pubkeys = string.Join(",", keys.Select(k => $"\"{k.PubKey.ToHex()}\""));
        var multisig = await node.ResultAsync("createmultisig", $"2, [{pubkeys}]");
        var redeemScript = multisig.GetProperty("redeemScript").GetString()!;
        var decoded = await node.ResultAsync("decodescript", $"\"{redeemScript}\"");
        Assert.Equal("multisig", decoded.GetProperty("type").GetString());
        Assert.Equal(multisig.GetProperty("address").GetString(), decoded.GetProperty("p2sh").GetString());

        // A 2-of-2 spend signed by each key apart, then combined.
        var coinbase = (await node.ResultAsync("getblock", $"\"{hashes[0]}\"")).GetProperty("tx")[0].GetString();
        var unsigned = (await node.ResultAsync("createrawtransaction", $"[{{\"txid\":\"{coinbase}\",\"vout\":0}}], {{\"{address}\":49.9}}")).GetString();
        var first = (await node.ResultAsync("signrawtransaction", $"\"{unsigned}\", null, [\"{keys[0].GetWif(Regtest)}\"]")).GetProperty("hex").GetString();
        var combined = await node.ResultAsync("combinerawtransaction", $"[\"{first}\", \"{unsigned}\"]");
        Assert.Equal(first, combined.GetString());

        // Fees, network and control.
        Assert.Equal(-1, (await node.ResultAsync("estimatefee", "6")).GetInt32());
        Assert.True((await node.ResultAsync("estimatesmartfee", "6")).TryGetProperty("errors", out _));
        Assert.True((await node.ResultAsync("estimaterawfee", "6")).TryGetProperty("short", out _));
        Assert.Equal("""["a",{"b":1}]""", (await node.ResultAsync("echojson", "\"a\", {\"b\":1}")).GetRawText());
        Assert.True((await node.ResultAsync("uptime")).GetInt64() >= 0);
        Assert.True((await node.ResultAsync("getnettotals")).TryGetProperty("totalbytesrecv", out _));
        Assert.Equal(JsonValueKind.Null, (await node.ResultAsync("ping")).ValueKind);
        Assert.Equal(JsonValueKind.Array, (await node.ResultAsync("getaddednodeinfo")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await node.ResultAsync("setban", "\"192.0.2.0/24\", \"add\", 600")).ValueKind);
        Assert.Equal("192.0.2.0/24", (await node.ResultAsync("listbanned"))[0].GetProperty("address").GetString());
        Assert.Equal(JsonValueKind.Null, (await node.ResultAsync("clearbanned")).ValueKind);
        Assert.Empty((await node.ResultAsync("listbanned")).EnumerateArray());
        Assert.False((await node.ResultAsync("setnetworkactive", "false")).GetBoolean());
        Assert.True((await node.ResultAsync("setnetworkactive", "true")).GetBoolean());
        Assert.Equal((-29, "Node not found in connected nodes"), await node.ErrorAsync("disconnectnode", "\"127.0.0.1:1\""));
        Assert.Equal((-1, "Cannot prune blocks because node is not in prune mode."), await node.ErrorAsync("pruneblockchain", "1"));
    }
}
