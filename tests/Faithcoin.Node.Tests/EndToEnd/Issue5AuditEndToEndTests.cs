using System.Net;
using System.Text.RegularExpressions;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// Issue #5 items that had no test through the real faithcoind: the bad-input classes of the RPC server answered as
/// 0.15 answers them, RPC on loopback only by default, REST formats not covered elsewhere, -logtimestamps=0 and
/// -shrinkdebugfile=0.
/// </summary>
[Collection(DaemonCollection.Name)]
public sealed partial class Issue5AuditEndToEndTests(Issue5AuditDaemonFixture node) : IClassFixture<Issue5AuditDaemonFixture>
{
    // Written out so the tests do not trust the code under test: the regtest genesis and its only transaction, the merkle root.
    private const string RegtestGenesis = "2f2a3df80323d97e3fc6700da36761482389e5f8982ed2e0425420479e36928d";
    private const string GenesisCoinbase = "805d8d176abe872f5cd40b558869a0d25ed02ae471fa33f80185443e5ca9cb40";
    private const string Credentials = Issue5AuditDaemonFixture.Credentials;
    private const string GetBlockHashHelp = "getblockhash height\n\nReturns hash of block in best-block-chain at height provided.\n";
    private const string GetBlockCountHelp = "getblockcount\n\nReturns the number of blocks in the longest blockchain.\n";

    [Fact]
    public async Task MissingAndExtraParametersAnswerMinus1WithTheMethodsHelp()
    {
        // 0.15 throws the help text as a runtime error, which CRPCTable::execute turns into RPC_MISC_ERROR.
        var missing = await node.ErrorAsync("getblockhash", "[]");
        Assert.Equal((HttpStatusCode.InternalServerError, -1), (missing.Status, missing.Code));
        Assert.StartsWith(GetBlockHashHelp, missing.Message, StringComparison.Ordinal);

        var extra = await node.ErrorAsync("getblockhash", "[0, 1]");
        Assert.Equal(-1, extra.Code);
        Assert.StartsWith(GetBlockHashHelp, extra.Message, StringComparison.Ordinal);

        var noneExpected = await node.ErrorAsync("getblockcount", "[1]");
        Assert.Equal(-1, noneExpected.Code);
        Assert.StartsWith(GetBlockCountHelp, noneExpected.Message, StringComparison.Ordinal);

        var namedMissing = await node.ErrorAsync("getblockhash", "{}");
        Assert.StartsWith(GetBlockHashHelp, namedMissing.Message, StringComparison.Ordinal);
        await ExpectAsync("getblockhash", """{"heigh":0}""", -8, "Unknown named parameter heigh");
    }

    [Fact]
    public async Task WrongParameterTypesAnswerUniValuesMessages()
    {
        await ExpectAsync("getblockhash", """["0"]""", -1, "JSON value is not an integer as expected");
        await ExpectAsync("getblockhash", """{"height":"0"}""", -1, "JSON value is not an integer as expected");
        await ExpectAsync("getblockhash", "[1e100]", -1, "JSON integer out of range");
        await ExpectAsync("getblock", "[7]", -1, "JSON value is not a string as expected");
        await ExpectAsync("getrawmempool", """["yes"]""", -1, "JSON value is not a boolean as expected");
        // RPCTypeCheck's own wording and code for methods that check their arguments up front.
        await ExpectAsync("createrawtransaction", """["x", {}]""", -3, "Expected type array, got string");
    }

    [Fact]
    public async Task InvalidHexAnswersAsEachMethodOf015Does()
    {
        await ExpectAsync("getrawtransaction", """["zz"]""", -8, "parameter 1 must be hexadecimal string (not 'zz')");
        await ExpectAsync("getrawtransaction", """["00"]""", -8, "parameter 1 must be of length 64 (not 2)");
        await ExpectAsync("decodescript", """["zz"]""", -8, "argument must be hexadecimal string (not 'zz')");
        await ExpectAsync("decoderawtransaction", """["zz"]""", -22, "TX decode failed");
        await ExpectAsync("sendrawtransaction", """["0g"]""", -22, "TX decode failed");
        // getblock reads its hash with uint256S, which takes what it can: an unknown block, not a format error.
        await ExpectAsync("getblock", """["zz"]""", -5, "Block not found");
    }

    [Fact]
    public async Task MalformedRequestObjectsAre400InvalidRequest()
    {
        Assert.Equal((HttpStatusCode.BadRequest, -32600, "Params must be an array or object"),
            await node.ErrorOfAsync("""{"method":"getblockcount","params":"x","id":1}"""));
        Assert.Equal((HttpStatusCode.BadRequest, -32600, "Method must be a string"),
            await node.ErrorOfAsync("""{"method":7,"id":1}"""));
        Assert.Equal((HttpStatusCode.BadRequest, -32600, "Missing method"),
            await node.ErrorOfAsync("""{"params":[],"id":1}"""));

        // In a batch each bad element gets its own error and the others are still served.
        var (status, batch) = await node.Daemon.CallAsync("""[1, {"method":"getblockcount","id":2}]""", Issue5AuditDaemonFixture.Credentials);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(-32600, batch[0].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("Invalid Request object", batch[0].GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(0, batch[1].GetProperty("result").GetInt32());
    }

    [HostAddressFact]
    public async Task RpcListensOnLoopbackOnlyWithoutRpcAllowIp()
    {
        Assert.Equal(HttpStatusCode.OK, await HostAddress.PostGetBlockCountAsync(IPAddress.Loopback, node.Daemon.RpcPort, Credentials));
        if (System.Net.Sockets.Socket.OSSupportsIPv6)
        {
            Assert.Equal(HttpStatusCode.OK, await HostAddress.PostGetBlockCountAsync(IPAddress.IPv6Loopback, node.Daemon.RpcPort, Credentials));
        }

        var host = HostAddress.FirstIPv4();
        Assert.Null(await HostAddress.PostGetBlockCountAsync(host!, node.Daemon.RpcPort, Credentials));
    }

    [Fact]
    public async Task LogtimestampsZeroWritesBareLinesAndShrinkdebugfileZeroKeepsTheOldLog()
    {
        var log = await node.ReadDebugLogAsync();
        Assert.StartsWith(Issue5AuditDaemonFixture.OldestLine + "\n", log, StringComparison.Ordinal);
        Assert.True(log.Length > Issue5AuditDaemonFixture.OldLogBytes, "the previous run's log is kept whole");

        var thisRun = log[(Issue5AuditDaemonFixture.OldestLine.Length + 1 + Issue5AuditDaemonFixture.OldLogBytes + 1)..];
        Assert.Contains("\nFaithcoin Core Daemon version v0.15.0.1\n", "\n" + thisRun, StringComparison.Ordinal);
        Assert.DoesNotMatch(TimestampedLine(), thisRun);
    }

    [Fact]
    public async Task GenKeypoolAndLangFromTheConfAreLoggedAsIgnored()
    {
        var log = await node.ReadDebugLogAsync();
        Assert.Matches(@"\nOption -gen \([^)]*faithcoin\.conf[^)]*\) is ignored: faithcoind has no wallet\n", log);
        Assert.Matches(@"\nOption -keypool \([^)]*\) is ignored: faithcoind has no wallet\n", log);
        Assert.Matches(@"\nOption -lang \([^)]*\) is ignored: it is an option of the graphical client\n", log);
    }

    [Fact]
    public async Task RestNotxdetailsAndUriGetutxosComeInBinAndHexToo()
    {
        // 0.15 serves the whole block for notxdetails in .bin and .hex; only its JSON leaves the transactions out.
        foreach (var path in new[] { $"/rest/block/{RegtestGenesis}", $"/rest/block/notxdetails/{RegtestGenesis}", $"/rest/getutxos/checkmempool/{GenesisCoinbase}-0" })
        {
            var (binStatus, bin) = await node.GetAsync(path + ".bin");
            var (hexStatus, hex) = await node.GetAsync(path + ".hex");
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (binStatus, hexStatus));
            Assert.Equal(Convert.ToHexStringLower(bin) + "\n", System.Text.Encoding.ASCII.GetString(hex));
        }

        Assert.Equal((await node.GetAsync($"/rest/block/{RegtestGenesis}.bin")).Body, (await node.GetAsync($"/rest/block/notxdetails/{RegtestGenesis}.bin")).Body);
        var (_, json) = await node.GetAsync($"/rest/block/notxdetails/{RegtestGenesis}.json");
        var block = System.Text.Json.JsonDocument.Parse(json).RootElement;
        Assert.Equal(GenesisCoinbase, block.GetProperty("tx")[0].GetString());

        // The genesis coinbase is no coin: a BIP64 answer with the tip, an empty bitmap byte and no outputs.
        var (_, utxos) = await node.GetAsync($"/rest/getutxos/checkmempool/{GenesisCoinbase}-0.bin");
        Assert.Equal(4 + 32 + 1 + 1 + 1, utxos.Length);
    }

    /// <summary>A call that must fail with HTTP 500 and the given error, as every error but -32600 and -32601 does in 0.15.</summary>
    private async Task ExpectAsync(string method, string parameters, int code, string message) =>
        Assert.Equal((HttpStatusCode.InternalServerError, code, message), await node.ErrorAsync(method, parameters));

    [GeneratedRegex(@"(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")]
    private static partial Regex TimestampedLine();
}
