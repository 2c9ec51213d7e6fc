using System.Text.Json;
using Faithcoin.Node.Tests.Rpc.Blockchain;

namespace Faithcoin.Node.Tests.Rpc.RawTransactions;

/// <summary>createrawtransaction, decoderawtransaction and decodescript against litecoin 0.15.1's own output.</summary>
public sealed class RawTransactionRpcTests : IDisposable
{
    // litecoin-cli 0.15.1 on testnet (same P2PKH prefix 111 as faithcoin regtest), recorded with its outputs.
    private const string VectorInput = """[{"txid":"2f1dcf81220e47f551878e5b0a30c6bfa653e4539b8802875bba422367ca8630","vout":0}]""";
    private const string VectorOutputs = """{"mxkRUXKVLjHCDL96qwARVmStGMTWWxntQb":"1.95"}""";
    private const string VectorUnsigned =
        "02000000013086ca672342ba5b8702889b53e453a6bfc6300a5b8e8751f5470e2281cf1d2f0000000000ffffffff01c0769f0b00000000" +
        "1976a914bd063c274074b1a13d8f43ac5e3097beb912f94188ac00000000";

    private const string VectorSigned =
        "02000000013086ca672342ba5b8702889b53e453a6bfc6300a5b8e8751f5470e2281cf1d2f000000006b483045022100a1fa947cb11daae2" +
        "6c4728b5cf9e61f772d9b970eb976162ea93a50945eb952a02205f8a24aedbb39f7511fef89452c5dec695685952f367d389536c7cc775418" +
        "7300121024cd7aa51d17ec5f93b78c3744f31daa60479589ec1e20f8181081609e4281552ffffffff01c0769f0b000000001976a914bd063c" +
        "274074b1a13d8f43ac5e3097beb912f94188ac00000000";

    private const string VectorSignedTxid = "ff0a4adb572375c9bdc95e5ff3dd625405b32397e64da293c048e5e671db6a10";

    private readonly ChainRpcHarness rpc = new();

    public void Dispose() => rpc.Dispose();

    [Fact]
    public async Task CreateRawTransactionMatchesTheOriginalByteForByte()
    {
        Assert.Equal(VectorUnsigned, (await rpc.ResultAsync("createrawtransaction", $"{VectorInput}, {VectorOutputs}")).GetString());
        var named = await rpc.CallNamedAsync("createrawtransaction", $$"""{"inputs":{{VectorInput}},"outputs":{{VectorOutputs}}}""");
        Assert.Equal(VectorUnsigned, named.GetProperty("result").GetString());
    }

    [Fact]
    public async Task DecodeRawTransactionShowsTheSignedVector()
    {
        var tx = await rpc.ResultAsync("decoderawtransaction", $"\"{VectorSigned}\"");
        Assert.Equal(VectorSignedTxid, tx.GetProperty("txid").GetString());
        Assert.Equal(VectorSignedTxid, tx.GetProperty("hash").GetString());
        Assert.Equal(2, tx.GetProperty("version").GetInt32());
        Assert.Equal(VectorSigned.Length / 2, tx.GetProperty("size").GetInt32());
        Assert.Equal(VectorSigned.Length / 2, tx.GetProperty("vsize").GetInt32());
        Assert.False(tx.TryGetProperty("hex", out _));
        var input = tx.GetProperty("vin")[0];
        Assert.Equal("2f1dcf81220e47f551878e5b0a30c6bfa653e4539b8802875bba422367ca8630", input.GetProperty("txid").GetString());
        Assert.EndsWith("[ALL] 024cd7aa51d17ec5f93b78c3744f31daa60479589ec1e20f8181081609e4281552", input.GetProperty("scriptSig").GetProperty("asm").GetString(), StringComparison.Ordinal);
        Assert.Equal(4294967295, input.GetProperty("sequence").GetInt64());
        var output = tx.GetProperty("vout")[0];
        Assert.Equal("1.95000000", output.GetProperty("value").GetRawText());
        Assert.Equal("mxkRUXKVLjHCDL96qwARVmStGMTWWxntQb", output.GetProperty("scriptPubKey").GetProperty("addresses")[0].GetString());
    }

    [Fact]
    public async Task CreateRawTransactionSetsSequencesLocktimeAndDataLikeTheOriginal()
    {
        const string input = """[{"txid":"2f1dcf81220e47f551878e5b0a30c6bfa653e4539b8802875bba422367ca8630","vout":1}]""";
        var withLockTime = await DecodeCreated($$"""{{input}}, {"data":"01"}, 500""");
        Assert.Equal(500, withLockTime.GetProperty("locktime").GetInt64());
        Assert.Equal(4294967294, withLockTime.GetProperty("vin")[0].GetProperty("sequence").GetInt64());
        var data = withLockTime.GetProperty("vout")[0];
        Assert.Equal("0.00000000", data.GetProperty("value").GetRawText());
        Assert.Equal("6a0101", data.GetProperty("scriptPubKey").GetProperty("hex").GetString());
        Assert.Equal("nulldata", data.GetProperty("scriptPubKey").GetProperty("type").GetString());

        var replaceable = await DecodeCreated($$"""{{input}}, {}, 0, true""");
        Assert.Equal(4294967293, replaceable.GetProperty("vin")[0].GetProperty("sequence").GetInt64());
        // No inputs: the bytes would read as a witness marker, so the original decodes without witness first.
        var empty = await DecodeCreated("[], {}");
        Assert.Equal(0, empty.GetProperty("vin").GetArrayLength());
        Assert.Equal(10, empty.GetProperty("size").GetInt32());

        var explicitSequence = await DecodeCreated("""[{"txid":"2f1dcf81220e47f551878e5b0a30c6bfa653e4539b8802875bba422367ca8630","vout":1,"sequence":7}], {}""");
        Assert.Equal(7, explicitSequence.GetProperty("vin")[0].GetProperty("sequence").GetInt64());
    }

    [Theory]
    [InlineData("""[], {}, -1""", -8, "Invalid parameter, locktime out of range")]
    [InlineData("""[{"txid":"2f1dcf81220e47f551878e5b0a30c6bfa653e4539b8802875bba422367ca8630"}], {}""", -8, "Invalid parameter, missing vout key")]
    [InlineData("""[{"txid":"2f1dcf81220e47f551878e5b0a30c6bfa653e4539b8802875bba422367ca8630","vout":-1}], {}""", -8, "Invalid parameter, vout must be positive")]
    [InlineData("""[{"txid":"xyz","vout":0}], {}""", -8, "txid must be hexadecimal string (not 'xyz')")]
    [InlineData("""[{"txid":"00","vout":0}], {}""", -8, "txid must be of length 64 (not 2)")]
    [InlineData("""[{"txid":"2f1dcf81220e47f551878e5b0a30c6bfa653e4539b8802875bba422367ca8630","vout":0,"sequence":4294967296}], {}""", -8, "Invalid parameter, sequence number is out of range")]
    [InlineData("""[{"txid":"2f1dcf81220e47f551878e5b0a30c6bfa653e4539b8802875bba422367ca8630","vout":0,"sequence":4294967295}], {}, 0, true""", -8, "Invalid parameter combination: Sequence number(s) contradict replaceable option")]
    [InlineData("""[], {"notanaddress":1}""", -5, "Invalid Faithcoin address: notanaddress")]
    [InlineData("""[], {"mxkRUXKVLjHCDL96qwARVmStGMTWWxntQb":-1}""", -3, "Amount out of range")]
    [InlineData("""[], {"mxkRUXKVLjHCDL96qwARVmStGMTWWxntQb":"0.000000001"}""", -3, "Invalid amount")]
    [InlineData("""[], {"mxkRUXKVLjHCDL96qwARVmStGMTWWxntQb":84000001}""", -3, "Amount out of range")]
    [InlineData("""[], {"mxkRUXKVLjHCDL96qwARVmStGMTWWxntQb":true}""", -3, "Amount is not a number or string")]
    [InlineData("""[], {"data":"zz"}""", -8, "Data must be hexadecimal string (not 'zz')")]
    [InlineData("""{}, {}""", -3, "Expected type array, got object")]
    [InlineData("""[], []""", -3, "Expected type object, got array")]
    [InlineData("""null, {}""", -8, "Invalid parameter, arguments 1 and 2 must be non-null")]
    public async Task CreateRawTransactionRefusesBadInputWithTheOriginalsErrors(string parameters, int code, string message)
    {
        Assert.Equal((code, message), await rpc.ErrorAsync("createrawtransaction", parameters));
    }

    [Fact]
    public async Task CreateRawTransactionRefusesADuplicatedAddress()
    {
        var (code, message) = await rpc.ErrorAsync(
            "createrawtransaction",
            """[], {"mxkRUXKVLjHCDL96qwARVmStGMTWWxntQb":1,"mxkRUXKVLjHCDL96qwARVmStGMTWWxntQb":2}""");
        Assert.Equal((-8, "Invalid parameter, duplicated address: mxkRUXKVLjHCDL96qwARVmStGMTWWxntQb"), (code, message));
    }

    [Theory]
    [InlineData("\"zz\"", -22, "TX decode failed")]
    [InlineData("\"0200\"", -22, "TX decode failed")]
    [InlineData("1", -3, "Expected type string, got number")]
    public async Task DecodeRawTransactionRefusesWhatIsNoTransaction(string parameters, int code, string message)
    {
        Assert.Equal((code, message), await rpc.ErrorAsync("decoderawtransaction", parameters));
    }

    [Fact]
    public async Task DecodeScriptShowsTypeAddressesAndTheWrappingP2sh()
    {
        // 1-of-2 multisig of two well-known compressed keys.
        const string multisig =
            "5121031b84c5567b126440995d3ed5aaba0565d71e1834604819ff9c17f5e9d5dd078f21024d4b6cd1361032ca9bd2aeb9d900aa4d45d9ead80ac9423374c451a7254d076652ae";
        var decoded = await rpc.ResultAsync("decodescript", $"\"{multisig}\"");
        Assert.Equal(["asm", "reqSigs", "type", "addresses", "p2sh"], decoded.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("multisig", decoded.GetProperty("type").GetString());
        Assert.Equal(1, decoded.GetProperty("reqSigs").GetInt32());
        Assert.Equal(2, decoded.GetProperty("addresses").GetArrayLength());
        var p2sh = decoded.GetProperty("p2sh").GetString()!;
        Assert.StartsWith("Q", p2sh, StringComparison.Ordinal);

        var p2shScript = (await rpc.ResultAsync("validateaddress", $"\"{p2sh}\"")).GetProperty("scriptPubKey").GetString();
        var wrapped = await rpc.ResultAsync("decodescript", $"\"{p2shScript}\"");
        Assert.Equal("scripthash", wrapped.GetProperty("type").GetString());
        Assert.False(wrapped.TryGetProperty("p2sh", out _));

        var empty = await rpc.ResultAsync("decodescript", "\"\"");
        Assert.Equal(string.Empty, empty.GetProperty("asm").GetString());
        Assert.Equal("nonstandard", empty.GetProperty("type").GetString());
        Assert.Equal((-8, "argument must be hexadecimal string (not 'abc')"), await rpc.ErrorAsync("decodescript", "\"abc\""));
    }

    private async Task<JsonElement> DecodeCreated(string parameters)
    {
        var hex = (await rpc.ResultAsync("createrawtransaction", parameters)).GetString();
        return await rpc.ResultAsync("decoderawtransaction", $"\"{hex}\"");
    }
}
