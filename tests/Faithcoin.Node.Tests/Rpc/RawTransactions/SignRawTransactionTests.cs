using System.Text.Json;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Scripting;
using NBitcoin;
using Faithcoin.Node.Tests.Rpc.Blockchain;

namespace Faithcoin.Node.Tests.Rpc.RawTransactions;

/// <summary>
/// signrawtransaction and combinerawtransaction over coins mined into a real regtest chain (or given as prevtxs):
/// each signed input is then checked by the consensus script verifier, independent of the signing code.
/// </summary>
public sealed class SignRawTransactionTests : IDisposable
{
    private static readonly Network Regtest = ChainParams.Regtest.Network;
    private static readonly Key First = new(Enumerable.Repeat((byte)0x11, 32).ToArray());
    private static readonly Key Second = new(Enumerable.Repeat((byte)0x22, 32).ToArray());
    private static readonly Key Third = new(Enumerable.Repeat((byte)0x33, 32).ToArray());
    private static readonly string Payee = new Key(Enumerable.Repeat((byte)0x44, 32).ToArray()).PubKey.GetAddress(ScriptPubKeyType.Legacy, Regtest).ToString();

    private readonly ChainRpcHarness rpc = new();

    public void Dispose() => rpc.Dispose();

    [Fact]
    public async Task SignsAPayToPubKeyHashSpendThatVerifies()
    {
        var address = First.PubKey.GetAddress(ScriptPubKeyType.Legacy, Regtest);
        var txid = await rpc.MineCoinbaseToAsync(address.ToString());
        var unsigned = await CreateSpendAsync(txid, "49.9");

        var unsignedResult = await rpc.ResultAsync("signrawtransaction", $"\"{unsigned}\"");
        Assert.False(unsignedResult.GetProperty("complete").GetBoolean());
        var error = unsignedResult.GetProperty("errors")[0];
        Assert.Equal(["txid", "vout", "scriptSig", "sequence", "error"], error.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(txid, error.GetProperty("txid").GetString());
        Assert.Equal("Operation not valid with the current stack size", error.GetProperty("error").GetString());

        var signed = await rpc.ResultAsync("signrawtransaction", $"\"{unsigned}\", null, [\"{Wif(First)}\"]");
        Assert.True(signed.GetProperty("complete").GetBoolean());
        Assert.False(signed.TryGetProperty("errors", out _));
        var hex = signed.GetProperty("hex").GetString()!;
        AssertVerifies(hex, 0, new TxOut(Money.Coins(50), address.ScriptPubKey));

        // RFC 6979 without grinding: signing again gives the same bytes.
        var again = await rpc.ResultAsync("signrawtransaction", $"\"{unsigned}\", [], [\"{Wif(First)}\"], \"ALL\"");
        Assert.Equal(hex, again.GetProperty("hex").GetString());
        var other = await rpc.ResultAsync("signrawtransaction", $"\"{unsigned}\", [], [\"{Wif(First)}\"], \"NONE|ANYONECANPAY\"");
        var otherDecoded = await rpc.ResultAsync("decoderawtransaction", $"\"{other.GetProperty("hex").GetString()}\"");
        Assert.Contains("[NONE|ANYONECANPAY] ", otherDecoded.GetProperty("vin")[0].GetProperty("scriptSig").GetProperty("asm").GetString(), StringComparison.Ordinal);
        AssertVerifies(other.GetProperty("hex").GetString()!, 0, new TxOut(Money.Coins(50), address.ScriptPubKey));
    }

    [Fact]
    public async Task CombinesTwoPartialMultisigSignaturesIntoAValidSpend()
    {
        var keys = $"[\"{First.PubKey.ToHex()}\",\"{Second.PubKey.ToHex()}\",\"{Third.PubKey.ToHex()}\"]";
        var multisig = await rpc.ResultAsync("createmultisig", $"2, {keys}");
        var redeemScript = multisig.GetProperty("redeemScript").GetString()!;
        var expected = PayToMultiSigTemplate.Instance.GenerateScriptPubKey(2, First.PubKey, Second.PubKey, Third.PubKey);
        Assert.Equal(expected.ToHex(), redeemScript);
        Assert.Equal(expected.Hash.GetAddress(Regtest).ToString(), multisig.GetProperty("address").GetString());

        var txid = await rpc.MineCoinbaseToAsync(multisig.GetProperty("address").GetString()!);
        var unsigned = await CreateSpendAsync(txid, "49.99");
        var prevTxs = $$"""[{"txid":"{{txid}}","vout":0,"scriptPubKey":"{{expected.Hash.ScriptPubKey.ToHex()}}","redeemScript":"{{redeemScript}}","amount":50}]""";
        var byFirst = await rpc.ResultAsync("signrawtransaction", $"\"{unsigned}\", {prevTxs}, [\"{Wif(First)}\"]");
        var byThird = await rpc.ResultAsync("signrawtransaction", $"\"{unsigned}\", {prevTxs}, [\"{Wif(Third)}\"]");
        Assert.False(byFirst.GetProperty("complete").GetBoolean());
        Assert.False(byThird.GetProperty("complete").GetBoolean());

        var combined = (await rpc.ResultAsync(
            "combinerawtransaction",
            $"[\"{byThird.GetProperty("hex").GetString()}\", \"{byFirst.GetProperty("hex").GetString()}\"]")).GetString()!;
        var spent = new TxOut(Money.Coins(50), expected.Hash.ScriptPubKey);
        AssertVerifies(combined, 0, spent);
        var pushes = Decode(combined).Inputs[0].ScriptSig.ToOps().ToList();
        Assert.Equal(4, pushes.Count);
        Assert.Empty(pushes[0].PushData);
        Assert.Equal(Decode(byFirst.GetProperty("hex").GetString()!).Inputs[0].ScriptSig.ToOps().ElementAt(1).PushData, pushes[1].PushData);

        var check = await rpc.ResultAsync("signrawtransaction", $"\"{combined}\"");
        Assert.True(check.GetProperty("complete").GetBoolean());
        Assert.Equal(combined, check.GetProperty("hex").GetString());

        // Several transactions back to back in one hex are merged the same way.
        var both = byFirst.GetProperty("hex").GetString() + byThird.GetProperty("hex").GetString();
        var merged = await rpc.ResultAsync("signrawtransaction", $"\"{both}\"");
        Assert.True(merged.GetProperty("complete").GetBoolean());
        AssertVerifies(merged.GetProperty("hex").GetString()!, 0, spent);
    }

    [Fact]
    public async Task SignsPayToWitnessKeyHashBareAndInsideP2shFromPrevtxs()
    {
        var witnessProgram = Second.PubKey.GetScriptPubKey(ScriptPubKeyType.Segwit);
        var wrapped = witnessProgram.Hash.ScriptPubKey;
        const string bare = "aa00000000000000000000000000000000000000000000000000000000000001";
        const string nested = "aa00000000000000000000000000000000000000000000000000000000000002";
        var unsigned = (await rpc.ResultAsync(
            "createrawtransaction",
            $$"""[{"txid":"{{bare}}","vout":0},{"txid":"{{nested}}","vout":3}], {"{{Payee}}":2.9}""")).GetString();
        var prevTxs =
            $$"""[{"txid":"{{bare}}","vout":0,"scriptPubKey":"{{witnessProgram.ToHex()}}","amount":1.5},""" +
            $$"""{"txid":"{{nested}}","vout":3,"scriptPubKey":"{{wrapped.ToHex()}}","redeemScript":"{{witnessProgram.ToHex()}}","amount":"1.5"}]""";
        var signed = await rpc.ResultAsync("signrawtransaction", $"\"{unsigned}\", {prevTxs}, [\"{Wif(Second)}\"]");
        Assert.True(signed.GetProperty("complete").GetBoolean(), signed.ToString());
        var hex = signed.GetProperty("hex").GetString()!;
        AssertVerifies(hex, 0, new TxOut(Money.Coins(1.5m), witnessProgram));
        AssertVerifies(hex, 1, new TxOut(Money.Coins(1.5m), wrapped));

        var decoded = await rpc.ResultAsync("decoderawtransaction", $"\"{hex}\"");
        Assert.NotEqual(decoded.GetProperty("txid").GetString(), decoded.GetProperty("hash").GetString());
        Assert.Equal(2, decoded.GetProperty("vin")[0].GetProperty("txinwitness").GetArrayLength());
        Assert.Equal(string.Empty, decoded.GetProperty("vin")[0].GetProperty("scriptSig").GetProperty("hex").GetString());
        Assert.Equal("16" + witnessProgram.ToHex(), decoded.GetProperty("vin")[1].GetProperty("scriptSig").GetProperty("hex").GetString());
    }

    [Fact]
    public async Task RefusesBadArgumentsWithTheOriginalsErrors()
    {
        var address = First.PubKey.GetAddress(ScriptPubKeyType.Legacy, Regtest);
        var txid = await rpc.MineCoinbaseToAsync(address.ToString());
        var unsigned = await CreateSpendAsync(txid, "1");
        Assert.Equal((-8, "argument 1 must be hexadecimal string (not 'zz')"), await rpc.ErrorAsync("signrawtransaction", "\"zz\""));
        Assert.Equal((-22, "TX decode failed"), await rpc.ErrorAsync("signrawtransaction", "\"00\""));
        Assert.Equal((-5, "Invalid private key"), await rpc.ErrorAsync("signrawtransaction", $"\"{unsigned}\", null, [\"notakey\"]"));
        Assert.Equal((-5, "Invalid private key"), await rpc.ErrorAsync("signrawtransaction", $"\"{unsigned}\", null, [\"{First.GetWif(Network.Main)}\"]"));
        Assert.Equal((-8, "Invalid sighash param"), await rpc.ErrorAsync("signrawtransaction", $"\"{unsigned}\", null, null, \"EVERYTHING\""));
        Assert.Equal((-3, "Expected type array, got string"), await rpc.ErrorAsync("signrawtransaction", $"\"{unsigned}\", \"x\""));

        var wrongScript = $$"""[{"txid":"{{txid}}","vout":0,"scriptPubKey":"51"}]""";
        var (code, message) = await rpc.ErrorAsync("signrawtransaction", $"\"{unsigned}\", {wrongScript}");
        Assert.Equal(-22, code);
        Assert.StartsWith("Previous output scriptPubKey mismatch:\nOP_DUP OP_HASH160 ", message, StringComparison.Ordinal);
        Assert.EndsWith("\nvs:\n1", message, StringComparison.Ordinal);

        var p2shWithoutRedeem = $$"""[{"txid":"{{new string('b', 64)}}","vout":0,"scriptPubKey":"a914{{new string('0', 40)}}87"}]""";
        Assert.Equal(
            (-3, "Expected type string for redeemScript, got null"),
            await rpc.ErrorAsync("signrawtransaction", $"\"{unsigned}\", {p2shWithoutRedeem}, [\"{Wif(First)}\"]"));
        var negativeVout = $$"""[{"txid":"{{txid}}","vout":-1,"scriptPubKey":"51"}]""";
        Assert.Equal((-22, "vout must be positive"), await rpc.ErrorAsync("signrawtransaction", $"\"{unsigned}\", {negativeVout}"));
    }

    [Fact]
    public async Task ReportsUnknownInputsAndCombineRefusesThem()
    {
        var unsigned = await CreateSpendAsync(new string('c', 64), "1");
        var result = await rpc.ResultAsync("signrawtransaction", $"\"{unsigned}\", null, [\"{Wif(First)}\"]");
        Assert.False(result.GetProperty("complete").GetBoolean());
        Assert.Equal("Input not found or already spent", result.GetProperty("errors")[0].GetProperty("error").GetString());
        Assert.Equal(unsigned, result.GetProperty("hex").GetString());

        Assert.Equal((-25, "Input not found or already spent"), await rpc.ErrorAsync("combinerawtransaction", $"[\"{unsigned}\"]"));
        Assert.Equal((-22, "TX decode failed for tx 1"), await rpc.ErrorAsync("combinerawtransaction", $"[\"{unsigned}\", \"zz\"]"));
        Assert.Equal((-22, "Missing transactions"), await rpc.ErrorAsync("combinerawtransaction", "[]"));
    }

    private static string Wif(Key key) => key.GetWif(Regtest).ToString();

    private static Transaction Decode(string hex) => Transaction.Parse(hex, Regtest);

    /// <summary>The consensus verifier with 0.15's standard flags, run on the signed bytes.</summary>
    private static void AssertVerifies(string hex, int input, TxOut spent)
    {
        var tx = Decode(hex);
        Assert.Null(new ScriptCheck(tx, input, spent, ScriptFlagSets.Standard, null).Execute());
    }

    private async Task<string> CreateSpendAsync(string txid, string amount) =>
        (await rpc.ResultAsync("createrawtransaction", $$"""[{"txid":"{{txid}}","vout":0}], {"{{Payee}}":{{amount}}}""")).GetString()!;
}
