using System.Text.Json;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>Real faithcoind processes syncing over P2P on 127.0.0.1, and the network RPCs around it.</summary>
[Collection(DaemonCollection.Name)]
public sealed class P2PSyncEndToEndTests
{
    // A regtest P2PKH address (prefix 111), independent of the code under test.
    private const string Address = "mkHS9ne12qx9pS9VojpwU5xtRd4T7X7ZUt";

    /// <summary>Genesis and heights 1–199 of the reference chain: coinbase-only blocks and the first full ones.</summary>
    private const int SliceBlocks = 200;

    private static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task NodesSyncThroughConnectAndAddNodeAndTheNetworkRpcsWork()
    {
        await using var a = await P2PNodeHandle.StartAsync();
        var mined = await a.ResultAsync("generatetoaddress", $"50, \"{Address}\"");
        var tip = mined[49].GetString()!;
        await using var b = await P2PNodeHandle.StartAsync($"-connect={a.Address}");
        await using var c = await P2PNodeHandle.StartAsync($"-addnode={a.Address}");

        await b.WaitForTipAsync(tip, SyncTimeout);
        await c.WaitForTipAsync(tip, SyncTimeout);
        Assert.Equal(50, (await c.ResultAsync("getblockcount")).GetInt32());

        await a.WaitForAsync(async () => (await a.ResultAsync("getconnectioncount")).GetInt32() == 2, SyncTimeout, "two peers on A");
        var peers = (await a.ResultAsync("getpeerinfo")).EnumerateArray().ToList();
        Assert.All(peers, p => Assert.True(p.GetProperty("inbound").GetBoolean()));
        Assert.All(peers, p => Assert.Equal(70015, p.GetProperty("version").GetInt32()));
        var bPeers = (await b.ResultAsync("getpeerinfo")).EnumerateArray().ToList();
        var toA = Assert.Single(bPeers);
        Assert.Equal(a.Address, toA.GetProperty("addr").GetString());
        Assert.False(toA.GetProperty("inbound").GetBoolean());
        Assert.True(toA.GetProperty("addnode").GetBoolean());
        Assert.Equal(50, toA.GetProperty("synced_headers").GetInt32());

        var info = await b.ResultAsync("getnetworkinfo");
        Assert.Equal(70015, info.GetProperty("protocolversion").GetInt32());
        Assert.Equal(1, info.GetProperty("connections").GetInt32());
        Assert.True(info.GetProperty("networkactive").GetBoolean());
        Assert.Matches("^[0-9a-f]{16}$", info.GetProperty("localservices").GetString()!);
        var totals = await b.ResultAsync("getnettotals");
        Assert.True(totals.GetProperty("totalbytesrecv").GetInt64() > 50 * 80);
        Assert.Equal(JsonValueKind.Null, (await b.ResultAsync("ping")).ValueKind);

        // addnode list management on C: -addnode is listed, duplicates and unknown names are refused.
        var added = Assert.Single((await c.ResultAsync("getaddednodeinfo")).EnumerateArray());
        Assert.Equal(a.Address, added.GetProperty("addednode").GetString());
        Assert.True(added.GetProperty("connected").GetBoolean());
        Assert.Equal((-23, "Error: Node already added"), await c.ErrorAsync("addnode", $"\"{a.Address}\", \"add\""));
        Assert.Equal((-24, "Error: Node has not been added."), await c.ErrorAsync("addnode", "\"10.9.9.9:1\", \"remove\""));
        await c.ResultAsync("addnode", "\"10.9.9.9:1\", \"add\"");
        await c.ResultAsync("addnode", "\"10.9.9.9:1\", \"remove\"");

        // setban / listbanned / clearbanned round trip.
        await a.ResultAsync("setban", "\"10.1.2.3\", \"add\", 3600");
        await a.ResultAsync("setban", "\"10.8.0.0/16\", \"add\"");
        var bans = (await a.ResultAsync("listbanned")).EnumerateArray().Select(e => e.GetProperty("address").GetString()).ToList();
        Assert.Equal(["10.1.2.3/32", "10.8.0.0/16"], bans);
        Assert.Equal(-23, (await a.ErrorAsync("setban", "\"10.8.1.1\", \"add\"")).Code);
        Assert.Equal(-30, (await a.ErrorAsync("setban", "\"10.7.7.7\", \"remove\"")).Code);
        Assert.Equal(-30, (await a.ErrorAsync("setban", "\"not-an-ip\", \"add\"")).Code);
        await a.ResultAsync("setban", "\"10.1.2.3\", \"remove\"");
        Assert.Single((await a.ResultAsync("listbanned")).EnumerateArray());
        await a.ResultAsync("clearbanned");
        Assert.Empty((await a.ResultAsync("listbanned")).EnumerateArray());

        // disconnectnode by id and the error for an unknown one.
        var id = peers[0].GetProperty("id").GetInt64();
        Assert.Equal((-29, "Node not found in connected nodes"), await a.ErrorAsync("disconnectnode", "\"\", 999999"));
        await a.ResultAsync("disconnectnode", $"\"\", {id}");
        await a.WaitForAsync(
            async () => (await a.ResultAsync("getpeerinfo")).EnumerateArray().All(p => p.GetProperty("id").GetInt64() != id),
            SyncTimeout,
            "peer dropped");
    }

    [Fact]
    public async Task TheHeavierBranchWinsAfterReconnecting()
    {
        await using var a = await P2PNodeHandle.StartAsync();
        await a.ResultAsync("generatetoaddress", $"10, \"{Address}\"");
        await using var b = await P2PNodeHandle.StartAsync($"-connect={a.Address}");
        await b.WaitForTipAsync(await a.BestBlockHashAsync(), SyncTimeout);

        Assert.False((await b.ResultAsync("setnetworkactive", "false")).GetBoolean());
        await a.WaitForAsync(async () => (await a.ResultAsync("getconnectioncount")).GetInt32() == 0, SyncTimeout, "A alone");
        await a.ResultAsync("generatetoaddress", $"3, \"{Address}\"");
        var heavier = (await b.ResultAsync("generatetoaddress", $"6, \"{Address}\""))[5].GetString()!;
        Assert.NotEqual(heavier, await a.BestBlockHashAsync());

        Assert.True((await b.ResultAsync("setnetworkactive", "true")).GetBoolean());
        await a.WaitForTipAsync(heavier, SyncTimeout);
        await b.WaitForTipAsync(heavier, SyncTimeout);
        Assert.Equal(16, (await a.ResultAsync("getblockcount")).GetInt32());
    }

    [Fact]
    public async Task TheImportedFixtureSliceSyncsIntoAFreshNodeWithTheSameUtxoSet()
    {
        using var plain = new TempDirectory();
        var file = plain.Combine("slice.dat");
        await WriteSliceHeadAsync(file, SliceBlocks);

        // The slice's tip is old, so A is in initial download and serves headers to whitelisted peers only (as 0.15).
        await using var a = await P2PNodeHandle.StartAsync($"-loadblock={file}", "-whitelist=127.0.0.1", "-checkblockindex=0");
        await a.WaitForAsync(
            async () => (await a.ResultAsync("getblockcount")).GetInt32() == SliceBlocks - 1, SyncTimeout, "A imported the slice");
        await using var b = await P2PNodeHandle.StartAsync($"-connect={a.Address}", "-checkblockindex=0");
        await b.WaitForTipAsync(await a.BestBlockHashAsync(), SyncTimeout);

        var expected = await a.ResultAsync("gettxoutsetinfo");
        var actual = await b.ResultAsync("gettxoutsetinfo");
        Assert.Equal(expected.GetProperty("hash_serialized_2").GetString(), actual.GetProperty("hash_serialized_2").GetString());
        Assert.Equal(expected.GetProperty("txouts").GetInt64(), actual.GetProperty("txouts").GetInt64());
    }

    /// <summary>
    /// The first <paramref name="count"/> records of the slice (magic, little-endian size, block), unzipped: the
    /// blocks past ~100 are full of transactions and connect at ~20/s in Debug, so the whole slice would take
    /// this test past its time budget twice over.
    /// </summary>
    private static async Task WriteSliceHeadAsync(string path, int count)
    {
        var slice = Path.Combine(AppContext.BaseDirectory, "data", "fixture-slice.dat.gz");
        await using var input = new System.IO.Compression.GZipStream(File.OpenRead(slice), System.IO.Compression.CompressionMode.Decompress);
        await using var output = File.Create(path);
        var header = new byte[8];
        for (var i = 0; i < count; i++)
        {
            await input.ReadExactlyAsync(header);
            var block = new byte[BitConverter.ToInt32(header, 4)];
            await input.ReadExactlyAsync(block);
            await output.WriteAsync(header);
            await output.WriteAsync(block);
        }
    }
}
