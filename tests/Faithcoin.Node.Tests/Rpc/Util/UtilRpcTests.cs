using System.Text;
using System.Text.Json;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Tests.Rpc.RawTransactions;
using NBitcoin;
using NBitcoin.Crypto;
using NBitcoin.DataEncoders;
using Faithcoin.Node.Tests.Rpc.Blockchain;

namespace Faithcoin.Node.Tests.Rpc.Util;

/// <summary>The util methods of a node without wallet, the hidden echo methods and the wallet's absence.</summary>
public sealed class UtilRpcTests : IDisposable
{
    private const string Message = "faithcoin";

    // signmessagewithprivkey of Message with the key of 32 bytes 0x11 (compressed): fixed, as RFC 6979 makes it.
    private const string KnownSignature = "H/ER1Dtz9Yt0gCq5WpuCHN8eI2ARRqXAVa3cT395WQVOR4fZccEFbDqVUYSDWnX0MwK6WDsgupleZqSWJv9e/IY=";

    private static readonly Network Regtest = ChainParams.Regtest.Network;
    private static readonly Key Signer = new(Enumerable.Repeat((byte)0x11, 32).ToArray());
    private static readonly string SignerAddress = Signer.PubKey.GetAddress(ScriptPubKeyType.Legacy, Regtest).ToString();

    private readonly ChainRpcHarness rpc = new();

    public void Dispose() => rpc.Dispose();

    [Fact]
    public async Task ValidateAddressShowsOnlyWhatABuildWithoutWalletShows()
    {
        var valid = await rpc.ResultAsync("validateaddress", $"\"{SignerAddress}\"");
        Assert.Equal(["isvalid", "address", "scriptPubKey"], valid.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.True(valid.GetProperty("isvalid").GetBoolean());
        Assert.Equal(SignerAddress, valid.GetProperty("address").GetString());
        Assert.Equal("76a914" + Signer.PubKey.Hash.ToString() + "88ac", valid.GetProperty("scriptPubKey").GetString());

        // A P2SH address written with the legacy prefix (196) is valid and printed with the script2 prefix (58).
        var scriptHash = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();
        var legacy = Encoders.Base58Check.EncodeData([196, .. scriptHash]);
        var current = Encoders.Base58Check.EncodeData([58, .. scriptHash]);
        var fromLegacy = await rpc.ResultAsync("validateaddress", $"\"{legacy}\"");
        Assert.Equal(current, fromLegacy.GetProperty("address").GetString());
        Assert.Equal("a914" + Convert.ToHexStringLower(scriptHash) + "87", fromLegacy.GetProperty("scriptPubKey").GetString());

        foreach (var invalid in new[] { "nonsense", Signer.PubKey.GetAddress(ScriptPubKeyType.Legacy, Network.Main).ToString(), string.Empty })
        {
            var result = await rpc.ResultAsync("validateaddress", $"\"{invalid}\"");
            Assert.Equal("""{"isvalid":false}""", result.GetRawText());
        }
    }

    [Fact]
    public async Task SignMessageWithPrivKeyGivesTheKnownSignatureAndItVerifies()
    {
        var signature = (await rpc.ResultAsync("signmessagewithprivkey", $"\"{Signer.GetWif(Regtest)}\", \"{Message}\"")).GetString()!;
        Assert.Equal(KnownSignature, signature);

        // Independently of the code under test: the hash is over the faithcoin magic and the message.
        var hash = MessageHash("Faithcoin Signed Message:\n", Message);
        var bytes = Convert.FromBase64String(signature);
        Assert.InRange(bytes[0], 31, 34);
        var recovered = PubKey.RecoverCompact(hash, new CompactSignature(bytes[0] - 31, bytes[1..]));
        Assert.Equal(Signer.PubKey, recovered);

        Assert.True((await rpc.ResultAsync("verifymessage", $"\"{SignerAddress}\", \"{signature}\", \"{Message}\"")).GetBoolean());
        Assert.False((await rpc.ResultAsync("verifymessage", $"\"{SignerAddress}\", \"{signature}\", \"other\"")).GetBoolean());

        // The same signature over Bitcoin's magic must not verify here.
        var compact = Signer.SignCompact(MessageHash("Bitcoin Signed Message:\n", Message), false);
        var bitcoinSigned = Convert.ToBase64String([(byte)(31 + compact.RecoveryId), .. compact.Signature]);
        Assert.False((await rpc.ResultAsync("verifymessage", $"\"{SignerAddress}\", \"{bitcoinSigned}\", \"{Message}\"")).GetBoolean());

        // An uncompressed key signs with header 27..30 and verifies against its own (uncompressed) address.
        var uncompressed = new Key(Enumerable.Repeat((byte)0x11, 32).ToArray(), -1, false);
        var uncompressedSignature = (await rpc.ResultAsync("signmessagewithprivkey", $"\"{uncompressed.GetWif(Regtest)}\", \"{Message}\"")).GetString()!;
        Assert.InRange(Convert.FromBase64String(uncompressedSignature)[0], 27, 30);
        var uncompressedAddress = uncompressed.PubKey.GetAddress(ScriptPubKeyType.Legacy, Regtest);
        Assert.True((await rpc.ResultAsync("verifymessage", $"\"{uncompressedAddress}\", \"{uncompressedSignature}\", \"{Message}\"")).GetBoolean());
        Assert.False((await rpc.ResultAsync("verifymessage", $"\"{SignerAddress}\", \"{uncompressedSignature}\", \"{Message}\"")).GetBoolean());
    }

    private static uint256 MessageHash(string magic, string message)
    {
        var magicBytes = Encoding.UTF8.GetBytes(magic);
        var messageBytes = Encoding.UTF8.GetBytes(message);
        return Hashes.DoubleSHA256([(byte)magicBytes.Length, .. magicBytes, (byte)messageBytes.Length, .. messageBytes]);
    }

    [Fact]
    public async Task MessageMethodsRefuseBadInputWithTheOriginalsErrors()
    {
        var p2sh = Encoders.Base58Check.EncodeData([58, .. new byte[20]]);
        Assert.Equal((-3, "Invalid address"), await rpc.ErrorAsync("verifymessage", "\"nonsense\", \"AAAA\", \"m\""));
        Assert.Equal((-3, "Address does not refer to key"), await rpc.ErrorAsync("verifymessage", $"\"{p2sh}\", \"AAAA\", \"m\""));
        Assert.Equal((-5, "Malformed base64 encoding"), await rpc.ErrorAsync("verifymessage", $"\"{SignerAddress}\", \"not base64!\", \"m\""));
        Assert.False((await rpc.ResultAsync("verifymessage", $"\"{SignerAddress}\", \"AAAA\", \"m\"")).GetBoolean());
        Assert.Equal((-5, "Invalid private key"), await rpc.ErrorAsync("signmessagewithprivkey", "\"nonsense\", \"m\""));
        var outOfRange = Encoders.Base58Check.EncodeData([239, .. Enumerable.Repeat((byte)0xff, 32), 1]);
        Assert.Equal((-5, "Private key outside allowed range"), await rpc.ErrorAsync("signmessagewithprivkey", $"\"{outOfRange}\", \"m\""));
        Assert.Equal(-1, (await rpc.ErrorAsync("signmessagewithprivkey", "1, \"m\"")).Code);
    }

    [Fact]
    public async Task CreateMultisigBuildsTheRedeemScriptAndRefusesWhatTheOriginalRefuses()
    {
        var keys = new[] { Signer.PubKey, new Key(Enumerable.Repeat((byte)0x22, 32).ToArray()).PubKey };
        var list = "[" + string.Join(",", keys.Select(k => $"\"{k.ToHex()}\"")) + "]";
        var result = await rpc.ResultAsync("createmultisig", $"1, {list}");
        var expected = "51" + string.Concat(keys.Select(k => "21" + k.ToHex())) + "52ae";
        Assert.Equal(expected, result.GetProperty("redeemScript").GetString());
        var scriptHash = Hashes.Hash160(Convert.FromHexString(expected)).ToBytes();
        Assert.Equal(Encoders.Base58Check.EncodeData([58, .. scriptHash]), result.GetProperty("address").GetString());
        Assert.Equal(["address", "redeemScript"], result.EnumerateObject().Select(p => p.Name).ToArray());

        Assert.Equal((-1, "a multisignature address must require at least one key to redeem"), await rpc.ErrorAsync("createmultisig", $"0, {list}"));
        Assert.Equal((-1, "not enough keys supplied (got 2 keys, but need at least 3 to redeem)"), await rpc.ErrorAsync("createmultisig", $"3, {list}"));
        Assert.Equal((-1, " Invalid public key: " + SignerAddress), await rpc.ErrorAsync("createmultisig", $"1, [\"{SignerAddress}\"]"));
        Assert.Equal((-1, " Invalid public key: 02ff"), await rpc.ErrorAsync("createmultisig", "1, [\"02ff\"]"));
        var seventeen = "[" + string.Join(",", Enumerable.Repeat($"\"{Signer.PubKey.ToHex()}\"", 17)) + "]";
        Assert.Equal((-1, "Number of addresses involved in the multisignature address creation > 16\nReduce the number"), await rpc.ErrorAsync("createmultisig", $"1, {seventeen}"));
    }

    [Fact]
    public async Task GetMemoryInfoAnswersStatsAndRefusesMallocInfoAsABuildWithoutIt()
    {
        var stats = await rpc.ResultAsync("getmemoryinfo");
        Assert.Equal(["used", "free", "total", "locked", "chunks_used", "chunks_free"], stats.GetProperty("locked").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(stats.GetRawText(), (await rpc.ResultAsync("getmemoryinfo", "\"stats\"")).GetRawText());
        Assert.Equal((-8, "mallocinfo is only available when compiled with glibc 2.10+"), await rpc.ErrorAsync("getmemoryinfo", "\"mallocinfo\""));
        Assert.Equal((-8, "unknown mode x"), await rpc.ErrorAsync("getmemoryinfo", "\"x\""));
    }

    [Fact]
    public async Task EchoReturnsItsParametersAndIsHidden()
    {
        Assert.Equal("""["a",1,null,{"b":[true]}]""", (await rpc.ResultAsync("echo", """ "a", 1, null, {"b":[true]} """)).GetRawText());
        Assert.Equal("[]", (await rpc.ResultAsync("echojson")).GetRawText());
        var named = await rpc.CallNamedAsync("echo", """{"arg2":"z","arg0":"x"}""");
        Assert.Equal("""["x",null,"z"]""", named.GetProperty("result").GetRawText());
        var help = (await rpc.ResultAsync("help")).GetString()!;
        Assert.DoesNotContain("echo", help, StringComparison.Ordinal);
        Assert.Contains("\n== Util ==\ncreatemultisig nrequired", help, StringComparison.Ordinal);
        Assert.Contains("signrawtransaction \"hexstring\"", help, StringComparison.Ordinal);
        Assert.StartsWith("echo|echojson", (await rpc.ResultAsync("help", "\"echo\"")).GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("getbalance")]
    [InlineData("getnewaddress")]
    [InlineData("sendtoaddress")]
    [InlineData("listunspent")]
    [InlineData("generate")]
    [InlineData("fundrawtransaction")]
    [InlineData("importprivkey")]
    [InlineData("dumpprivkey")]
    [InlineData("signmessage")]
    [InlineData("resendwallettransactions")]
    public async Task WalletMethodsSayThereIsNoWallet(string method)
    {
        var error = (await rpc.CallAsync(method, "1, 2")).GetProperty("error");
        Assert.Equal(-32601, error.GetProperty("code").GetInt32());
        Assert.Equal(
            "Method not found (this node has no wallet: faithcoind is the network node; use a wallet client)",
            error.GetProperty("message").GetString());
        Assert.DoesNotContain(method + " ", (await rpc.ResultAsync("help")).GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WalletMethodCalledWithNamedArgumentsStillSaysThereIsNoWallet()
    {
        var error = (await rpc.CallNamedAsync("listunspent", """{"minconf":1}""")).GetProperty("error");
        Assert.Equal(-32601, error.GetProperty("code").GetInt32());
        Assert.StartsWith("Method not found (this node has no wallet", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownMethodIsStillPlainlyNotFound()
    {
        var error = (await rpc.CallAsync("nosuchmethod")).GetProperty("error");
        Assert.Equal(-32601, error.GetProperty("code").GetInt32());
        Assert.Equal("Method not found", error.GetProperty("message").GetString());
    }
}
