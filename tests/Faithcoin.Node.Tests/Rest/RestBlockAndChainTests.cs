using System.Net;
using System.Text;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Rest;

/// <summary>/rest/chaininfo, /rest/block, /rest/block/notxdetails and /rest/headers against the real faithcoind.</summary>
[Collection(DaemonCollection.Name)]
public sealed class RestBlockAndChainTests(RestDaemon node) : IClassFixture<RestDaemon>
{
    private const string AllFormats = "output format not found (available: .bin, .hex, .json)";
    private const string Unknown = "00000000000000000000000000000000000000000000000000000000000000aa";

    [Fact]
    public async Task ChainInfoIsGetBlockchainInfoInJsonOnly()
    {
        var info = await node.GetJsonAsync("/rest/chaininfo.json");
        Assert.Equal("regtest", info.GetProperty("chain").GetString());
        Assert.Equal(101, info.GetProperty("blocks").GetInt32());
        Assert.Equal(node.Hashes[^1], info.GetProperty("bestblockhash").GetString());
        await RestAssert.ErrorAsync(node, "/rest/chaininfo.bin", HttpStatusCode.NotFound, "output format not found (available: json)");
        await RestAssert.ErrorAsync(node, "/rest/chaininfo.json?x=1", HttpStatusCode.NotFound, "output format not found (available: json)");
    }

    [Fact]
    public async Task ABlockComesInEveryFormat()
    {
        var tip = node.Hashes[^1];
        var hex = (await node.ResultAsync("getblock", $"\"{tip}\", 0")).GetString()!;
        var (status, type, binary) = await node.GetAsync($"/rest/block/{tip}.bin");
        Assert.Equal((HttpStatusCode.OK, "application/octet-stream"), (status, type));
        Assert.Equal(hex, Convert.ToHexStringLower(binary));
        (status, type, var text) = await node.GetAsync($"/rest/block/{tip}.hex");
        Assert.Equal((HttpStatusCode.OK, "text/plain"), (status, type));
        Assert.Equal(hex + "\n", Encoding.ASCII.GetString(text));

        var detailed = await node.GetJsonAsync($"/rest/block/{tip}.json");
        Assert.Equal(101, detailed.GetProperty("height").GetInt32());
        Assert.Equal(1, detailed.GetProperty("confirmations").GetInt32());
        var coinbase = detailed.GetProperty("tx")[0];
        Assert.Equal(64, coinbase.GetProperty("txid").GetString()!.Length);
        var plain = await node.GetJsonAsync($"/rest/block/notxdetails/{tip}.json");
        Assert.Equal(coinbase.GetProperty("txid").GetString(), plain.GetProperty("tx")[0].GetString());
    }

    [Fact]
    public async Task BlockErrorsAre400And404AsIn015()
    {
        await RestAssert.ErrorAsync(node, "/rest/block/xyz.json", HttpStatusCode.BadRequest, "Invalid hash: xyz");
        await RestAssert.ErrorAsync(node, $"/rest/block/{node.Hashes[0][..63]}g.bin", HttpStatusCode.BadRequest, $"Invalid hash: {node.Hashes[0][..63]}g");
        await RestAssert.ErrorAsync(node, $"/rest/block/{Unknown}.json", HttpStatusCode.NotFound, $"{Unknown} not found");
        await RestAssert.ErrorAsync(node, $"/rest/block/{node.Hashes[0]}.txt", HttpStatusCode.BadRequest, $"Invalid hash: {node.Hashes[0]}.txt");
        await RestAssert.ErrorAsync(node, $"/rest/block/{node.Hashes[0]}", HttpStatusCode.NotFound, AllFormats);
        await RestAssert.ErrorAsync(node, $"/rest/block/notxdetails/{node.Hashes[0]}.", HttpStatusCode.NotFound, AllFormats);
    }

    [Fact]
    public async Task HeadersWalkUpTheActiveChain()
    {
        var (status, type, binary) = await node.GetAsync($"/rest/headers/5/{node.Hashes[0]}.bin");
        Assert.Equal((HttpStatusCode.OK, "application/octet-stream"), (status, type));
        Assert.Equal(5 * 80, binary.Length);
        var second = (await node.ResultAsync("getblockheader", $"\"{node.Hashes[1]}\", false")).GetString()!;
        Assert.Equal(second, Convert.ToHexStringLower(binary.AsSpan(80, 80)));
        (_, _, var hex) = await node.GetAsync($"/rest/headers/5/{node.Hashes[0]}.hex");
        Assert.Equal(Convert.ToHexStringLower(binary) + "\n", Encoding.ASCII.GetString(hex));

        var json = await node.GetJsonAsync($"/rest/headers/2000/{node.Hashes[^2]}.json");
        Assert.Equal(2, json.GetArrayLength());
        Assert.Equal(node.Hashes[^1], json[1].GetProperty("hash").GetString());
        Assert.Equal(101, json[1].GetProperty("height").GetInt32());
        Assert.Equal(0, (await node.GetJsonAsync($"/rest/headers/1/{Unknown}.json")).GetArrayLength());
    }

    [Fact]
    public async Task HeaderRequestErrorsAsIn015()
    {
        await RestAssert.ErrorAsync(node, $"/rest/headers/{node.Hashes[0]}.json", HttpStatusCode.BadRequest,
            "No header count specified. Use /rest/headers/<count>/<hash>.<ext>.");
        await RestAssert.ErrorAsync(node, $"/rest/headers/0/{node.Hashes[0]}.json", HttpStatusCode.BadRequest, "Header count out of range: 0");
        await RestAssert.ErrorAsync(node, $"/rest/headers/2001/{node.Hashes[0]}.bin", HttpStatusCode.BadRequest, "Header count out of range: 2001");
        await RestAssert.ErrorAsync(node, "/rest/headers/1/abc.hex", HttpStatusCode.BadRequest, "Invalid hash: abc");
        await RestAssert.ErrorAsync(node, $"/rest/headers/1/{node.Hashes[0]}", HttpStatusCode.NotFound, "output format not found (available: .bin, .hex)");
    }
}
