using System.Net;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Scripting;
using Faithcoin.Node.Tests.EndToEnd;
using NBitcoin;

namespace Faithcoin.Node.Tests.Rpc.Util;

/// <summary>Raw transaction and util methods, and the wallet's absence, through the real faithcoind over HTTP.</summary>
[Collection(DaemonCollection.Name)]
public sealed class UtilDaemonEndToEndTests(UtilDaemonFixture daemon) : IClassFixture<UtilDaemonFixture>
{
    private static readonly Network Regtest = ChainParams.Regtest.Network;
    private static readonly Key Owner = new(Enumerable.Repeat((byte)0x55, 32).ToArray());

    [Fact]
    public async Task MinedCoinIsSpentWithASignedRawTransaction()
    {
        var address = Owner.PubKey.GetAddress(ScriptPubKeyType.Legacy, Regtest);
        var block = (await daemon.ResultAsync("generatetoaddress", $"1, \"{address}\""))[0].GetString();
        var txid = (await daemon.ResultAsync("getblock", $"\"{block}\"")).GetProperty("tx")[0].GetString();
        var payee = new Key(Enumerable.Repeat((byte)0x66, 32).ToArray()).PubKey.GetAddress(ScriptPubKeyType.Legacy, Regtest);
        var unsigned = (await daemon.ResultAsync(
            "createrawtransaction", $$"""[{"txid":"{{txid}}","vout":0}], {"{{payee}}":49.5,"data":"cafe"}""")).GetString();
        var signed = await daemon.ResultAsync("signrawtransaction", $"\"{unsigned}\", null, [\"{Owner.GetWif(Regtest)}\"]");
        Assert.True(signed.GetProperty("complete").GetBoolean());
        var hex = signed.GetProperty("hex").GetString()!;
        var tx = Transaction.Parse(hex, Regtest);
        Assert.Null(new ScriptCheck(tx, 0, new TxOut(Money.Coins(50), address.ScriptPubKey), ScriptFlagSets.Standard, null).Execute());

        var decoded = await daemon.ResultAsync("decoderawtransaction", $"\"{hex}\"");
        Assert.Equal(tx.GetHash().ToString(), decoded.GetProperty("txid").GetString());
        Assert.Equal("OP_RETURN -32458", decoded.GetProperty("vout")[1].GetProperty("scriptPubKey").GetProperty("asm").GetString());
    }

    [Fact]
    public async Task UtilMethodsAnswerOverHttp()
    {
        var address = Owner.PubKey.GetAddress(ScriptPubKeyType.Legacy, Regtest).ToString();
        Assert.True((await daemon.ResultAsync("validateaddress", $"\"{address}\"")).GetProperty("isvalid").GetBoolean());
        var signature = (await daemon.ResultAsync("signmessagewithprivkey", $"\"{Owner.GetWif(Regtest)}\", \"hello\"")).GetString();
        Assert.True((await daemon.ResultAsync("verifymessage", $"\"{address}\", \"{signature}\", \"hello\"")).GetBoolean());
        Assert.Equal("""["x",2]""", (await daemon.ResultAsync("echo", "\"x\", 2")).GetRawText());
        Assert.Equal(0, (await daemon.ResultAsync("getmemoryinfo")).GetProperty("locked").GetProperty("used").GetInt32());

        var (status, body) = await daemon.CallAsync("decoderawtransaction", "\"zz\"");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(-22, body.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task WalletMethodAnswersMethodNotFoundWithTheReason()
    {
        var (status, body) = await daemon.CallAsync("getbalance");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(-32601, body.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("this node has no wallet", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("result").ValueKind);
    }
}
