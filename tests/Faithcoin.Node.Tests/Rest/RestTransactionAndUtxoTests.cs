using System.Buffers.Binary;
using System.Net;
using System.Text;
using Faithcoin.Node.Tests.EndToEnd;
using NBitcoin;

namespace Faithcoin.Node.Tests.Rest;

/// <summary>/rest/tx, /rest/getutxos (URI and posted forms) and /rest/mempool against the real faithcoind.</summary>
[Collection(DaemonCollection.Name)]
public sealed class RestTransactionAndUtxoTests(RestDaemon node) : IClassFixture<RestDaemon>
{
    private const string Unknown = "00000000000000000000000000000000000000000000000000000000000000bb";

    private byte[] Outpoint(string txid, uint n)
    {
        var bytes = new byte[36];
        uint256.Parse(txid).ToBytes().CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(32), n);
        return bytes;
    }

    [Fact]
    public async Task AnUnspentTransactionIsServedWithItsBlockHash()
    {
        var txid = node.FirstCoinbase;
        var hex = (await node.ResultAsync("getrawtransaction", $"\"{txid}\"")).GetString()!;
        var json = await node.GetJsonAsync($"/rest/tx/{txid}.json");
        Assert.Equal(txid, json.GetProperty("txid").GetString());
        Assert.Equal(node.Hashes[0], json.GetProperty("blockhash").GetString());
        Assert.Equal(["blockhash", "hex"], json.EnumerateObject().Select(p => p.Name).TakeLast(2));
        Assert.False(json.TryGetProperty("confirmations", out _));
        Assert.Equal(hex, json.GetProperty("hex").GetString());

        var (status, type, binary) = await node.GetAsync($"/rest/tx/{txid}.bin");
        Assert.Equal((HttpStatusCode.OK, "application/octet-stream", hex), (status, type, Convert.ToHexStringLower(binary)));
        (_, type, var text) = await node.GetAsync($"/rest/tx/{txid}.hex");
        Assert.Equal(("text/plain", hex + "\n"), (type, Encoding.ASCII.GetString(text)));
    }

    [Fact]
    public async Task TransactionErrorsAsIn015()
    {
        await RestAssert.ErrorAsync(node, $"/rest/tx/{Unknown}.json", HttpStatusCode.NotFound, $"{Unknown} not found");
        await RestAssert.ErrorAsync(node, "/rest/tx/1234.hex", HttpStatusCode.BadRequest, "Invalid hash: 1234");
        await RestAssert.ErrorAsync(node, $"/rest/tx/{node.FirstCoinbase}", HttpStatusCode.NotFound,
            "output format not found (available: .bin, .hex, .json)");
    }

    [Fact]
    public async Task GetUtxosWithCheckMempoolReportsUnspentOutputs()
    {
        var txid = node.FirstCoinbase;
        var json = await node.GetJsonAsync($"/rest/getutxos/checkmempool/{txid}-0/{txid}-1/{Unknown}-0.json");
        Assert.Equal(101, json.GetProperty("chainHeight").GetInt32());
        Assert.Equal(node.Hashes[^1], json.GetProperty("chaintipHash").GetString());
        Assert.Equal("100", json.GetProperty("bitmap").GetString());
        var utxo = Assert.Single(json.GetProperty("utxos").EnumerateArray());
        Assert.Equal(1, utxo.GetProperty("height").GetInt32());
        Assert.Equal("50.00000000", utxo.GetProperty("value").GetRawText());
        Assert.Equal(RestDaemon.Address, utxo.GetProperty("scriptPubKey").GetProperty("addresses")[0].GetString());
    }

    [Fact]
    public async Task WithoutCheckMempoolNothingIsFoundAsIn015()
    {
        // 0.15 looks through a dummy view unless checkmempool is given (fixed upstream only in 0.17).
        var json = await node.GetJsonAsync($"/rest/getutxos/{node.FirstCoinbase}-0.json");
        Assert.Equal("0", json.GetProperty("bitmap").GetString());
        Assert.Equal(0, json.GetProperty("utxos").GetArrayLength());
    }

    [Fact]
    public async Task GetUtxosBinaryAnswerIsBip64()
    {
        var txid = node.FirstCoinbase;
        var (status, type, body) = await node.GetAsync($"/rest/getutxos/checkmempool/{txid}-0.bin");
        Assert.Equal((HttpStatusCode.OK, "application/octet-stream"), (status, type));
        Assert.Equal(101, BinaryPrimitives.ReadInt32LittleEndian(body));
        Assert.Equal(uint256.Parse(node.Hashes[^1]).ToBytes(), body[4..36]);
        Assert.Equal([1, 0x01, 1], body[36..39]);
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(39)));
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(43)));
        Assert.Equal(50_0000_0000L, BinaryPrimitives.ReadInt64LittleEndian(body.AsSpan(47)));
    }

    [Fact]
    public async Task PostedOutpointsAreReadAs015ReadsThem()
    {
        // 0.15 reads the flag from its own length prefix, so the body starts with the outpoint count.
        byte[] request = [1, .. Outpoint(node.FirstCoinbase, 0)];
        var (status, _, body) = await node.GetAsync("/rest/getutxos.bin", HttpMethod.Post, request);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([1, 0x01, 1], body[36..39]);

        var (_, type, hex) = await node.GetAsync("/rest/getutxos.hex", HttpMethod.Post, Encoding.ASCII.GetBytes(Convert.ToHexStringLower(request)));
        Assert.Equal(("text/plain", Convert.ToHexStringLower(body) + "\n"), (type, Encoding.ASCII.GetString(hex)));
    }

    [Fact]
    public async Task GetUtxosRefusesBadRequestsWith400()
    {
        var txid = node.FirstCoinbase;
        await RestAssert.ErrorAsync(node, "/rest/getutxos.json", HttpStatusCode.BadRequest, "Error: empty request");
        await RestAssert.ErrorAsync(node, "/rest/getutxos/checkmempool.json", HttpStatusCode.BadRequest, "Error: empty request");
        await RestAssert.ErrorAsync(node, "/rest/getutxos/zz-0.json", HttpStatusCode.BadRequest, "Parse error");
        await RestAssert.ErrorAsync(node, $"/rest/getutxos/{txid}-x.json", HttpStatusCode.BadRequest, "Parse error");
        await RestAssert.ErrorAsync(node, "/rest/getutxos.bin", HttpStatusCode.BadRequest, "Parse error", HttpMethod.Post, Encoding.ASCII.GetBytes("{\"checkmempool"));
        await RestAssert.ErrorAsync(node, $"/rest/getutxos/{txid}-0.bin", HttpStatusCode.BadRequest,
            "Combination of URI scheme inputs and raw post data is not allowed", HttpMethod.Post, [1, .. Outpoint(txid, 0)]);
        var sixteen = string.Join('/', Enumerable.Range(0, 16).Select(i => $"{txid}-{i}"));
        await RestAssert.ErrorAsync(node, $"/rest/getutxos/checkmempool/{sixteen}.json", HttpStatusCode.BadRequest,
            "Error: max outpoints exceeded (max: 15, tried: 16)");
        await RestAssert.ErrorAsync(node, $"/rest/getutxos/{txid}-0.xml", HttpStatusCode.BadRequest, "Parse error");
        await RestAssert.ErrorAsync(node, $"/rest/getutxos/{txid}-0", HttpStatusCode.NotFound, "output format not found (available: .bin, .hex, .json)");
    }

    [Fact]
    public async Task TheMempoolEndpointsAnswerForAnEmptyPoolInJsonOnly()
    {
        var info = await node.GetJsonAsync("/rest/mempool/info.json");
        Assert.Equal(0, info.GetProperty("size").GetInt32());
        Assert.Equal(0, info.GetProperty("bytes").GetInt32());
        Assert.Equal(300_000_000, info.GetProperty("maxmempool").GetInt64());
        Assert.Equal("0.00100000", info.GetProperty("mempoolminfee").GetRawText());
        var contents = await node.GetJsonAsync("/rest/mempool/contents.json");
        Assert.Empty(contents.EnumerateObject());
        await RestAssert.ErrorAsync(node, "/rest/mempool/info.bin", HttpStatusCode.NotFound, "output format not found (available: json)");
        await RestAssert.ErrorAsync(node, "/rest/mempool/contents.hex", HttpStatusCode.NotFound, "output format not found (available: json)");
    }
}
