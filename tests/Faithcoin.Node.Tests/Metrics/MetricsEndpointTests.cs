using System.Net;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Metrics;

/// <summary>/metrics, /livez and /readyz of a real regtest faithcoind started with -metricsport (one daemon for the class).</summary>
[Collection(DaemonCollection.Name)]
public sealed class MetricsEndpointTests(MetricsDaemonFixture node) : IClassFixture<MetricsDaemonFixture>
{
    // A regtest P2PKH address (prefix 111), independent of the code under test.
    private const string Address = "mkHS9ne12qx9pS9VojpwU5xtRd4T7X7ZUt";
    private const string GetBlockHashCalls = "faithcoin_rpc_duration_seconds_count{method=\"getblockhash\"}";
    private const string GetBlockHashOutOfRange = "faithcoin_rpc_errors_total{method=\"getblockhash\",code=\"-8\"}";

    [Fact]
    public async Task LivezAnswers200()
    {
        using var response = await node.GetAsync("/livez");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok\n", await response.Content.ReadAsStringAsync());
    }

    // The only test here that mines: the others do not depend on the height.
    [Fact]
    public async Task ReadyzIs503InInitialDownloadThen200AndBlocksFollowTheChain()
    {
        using (var before = await node.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
            Assert.Equal("in initial block download\n", await before.Content.ReadAsStringAsync());
        }

        var genesis = await node.ScrapeAsync();
        Assert.Equal(0, genesis["faithcoin_blocks"]);
        Assert.Equal(1, genesis["faithcoin_initial_block_download"]);

        var mined = await node.CallAsync("generatetoaddress", $"3, \"{Address}\"");
        Assert.Equal(3, mined.GetProperty("result").GetArrayLength());
        using (var after = await node.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Equal("ok\n", await after.Content.ReadAsStringAsync());
        }

        var scrape = await node.ScrapeAsync();
        Assert.Equal(3, scrape["faithcoin_blocks"]);
        Assert.Equal(3, scrape["faithcoin_headers"]);
        Assert.Equal(0, scrape["faithcoin_initial_block_download"]);
        Assert.Equal(1, scrape["faithcoin_verification_progress"]);
        Assert.Equal(0, scrape["faithcoin_mempool_size"]);
        Assert.Equal(0, scrape["faithcoin_mempool_bytes"]);
        Assert.Equal(0, scrape["faithcoin_mempool_usage"]);
        // The RPC prints 16 significant digits (%.16g); the scrape keeps the double whole.
        var difficulty = (await node.CallAsync("getdifficulty")).GetProperty("result").GetDouble();
        Assert.Equal(difficulty, scrape["faithcoin_difficulty"], difficulty * 1e-15);
        var tipHash = (await node.CallAsync("getbestblockhash")).GetProperty("result").GetString();
        var tipTime = (await node.CallAsync("getblockheader", $"\"{tipHash}\"")).GetProperty("result").GetProperty("time").GetInt64();
        Assert.Equal(tipTime, scrape["faithcoin_latest_block_timestamp_seconds"]);
        Assert.Equal(1, scrape["faithcoin_rpc_duration_seconds_count{method=\"generatetoaddress\"}"]);
    }

    [Fact]
    public async Task EachCalledMethodGetsALatencySeriesAndErrorsAreCountedByCode()
    {
        var before = await node.ScrapeAsync();
        var calls = before.Has(GetBlockHashCalls) ? before[GetBlockHashCalls] : 0;
        var errors = before.Has(GetBlockHashOutOfRange) ? before[GetBlockHashOutOfRange] : 0;

        Assert.Equal(JsonNull, (await node.CallAsync("getblockhash", "0")).GetProperty("error").ValueKind);
        Assert.Equal(JsonNull, (await node.CallAsync("getblockhash", "0")).GetProperty("error").ValueKind);
        Assert.Equal(-8, (await node.CallAsync("getblockhash", "1000000")).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(-32601, (await node.CallAsync("nosuchmethod")).GetProperty("error").GetProperty("code").GetInt32());

        var after = await node.ScrapeAsync();
        Assert.Equal(calls + 3, after[GetBlockHashCalls]);
        Assert.Equal(errors + 1, after[GetBlockHashOutOfRange]);
        Assert.Equal(calls + 3, after["faithcoin_rpc_duration_seconds_bucket{method=\"getblockhash\",le=\"+Inf\"}"]);
        Assert.True(after["faithcoin_rpc_duration_seconds_sum{method=\"getblockhash\"}"] > 0);
        Assert.DoesNotContain(after.Series, s => s.Contains("nosuchmethod", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BansAreListedWhileInForce()
    {
        Assert.Equal(JsonNull, (await node.CallAsync("setban", "\"10.1.2.3\", \"add\"")).GetProperty("error").ValueKind);
        var banned = await node.ScrapeAsync();
        Assert.Equal(1, banned["faithcoin_banned_peers"]);
        var created = banned["faithcoin_ban_created{address=\"10.1.2.3/32\",reason=\"manually added\"}"];
        var until = banned["faithcoin_banned_until{address=\"10.1.2.3/32\",reason=\"manually added\"}"];
        Assert.Equal(86400, until - created);

        Assert.Equal(JsonNull, (await node.CallAsync("setban", "\"10.1.2.3\", \"remove\"")).GetProperty("error").ValueKind);
        var lifted = await node.ScrapeAsync();
        Assert.Equal(0, lifted["faithcoin_banned_peers"]);
        Assert.DoesNotContain(lifted.Series, s => s.Contains("10.1.2.3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NodeStateIsCollectedOnScrape()
    {
        var scrape = await node.ScrapeAsync();
        Assert.Equal(0, scrape["faithcoin_peers{direction=\"inbound\"}"]);
        Assert.Equal(0, scrape["faithcoin_peers{direction=\"outbound\"}"]);
        Assert.Equal(0, scrape["faithcoin_total_bytes_recv"]);
        Assert.Equal(0, scrape["faithcoin_total_bytes_sent"]);
        Assert.True(scrape["faithcoin_coins_cache_budget_bytes"] > 0);
        Assert.True(scrape["faithcoin_chain_thread_seconds_total{phase=\"check\"}"] > 0);
        Assert.True(scrape["faithcoin_chainstate_last_flush_timestamp_seconds"] > 1_600_000_000);
        Assert.True(scrape["process_start_time_seconds"] > 1_600_000_000);

        // Uptime comes from the node's clock at each scrape, not from a value set once.
        var uptime = scrape["faithcoin_uptime"];
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        Assert.True((await node.ScrapeAsync())["faithcoin_uptime"] > uptime);
    }

    [Fact]
    public async Task MetricsSpeakPrometheusTextOrOpenMetricsAsAsked()
    {
        using (var text = await node.GetAsync("/metrics"))
        {
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", text.Content.Headers.ContentType!.ToString());
            Assert.Contains("# TYPE faithcoin_blocks gauge", await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{node.MetricsPort}/metrics"));
        request.Headers.Accept.ParseAdd("application/openmetrics-text; version=1.0.0");
        using var open = await node.Http.SendAsync(request);
        Assert.StartsWith("application/openmetrics-text", open.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("# EOF\n", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherPathsAre404AndOtherMethods405()
    {
        using var missing = await node.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var post = await node.Http.PostAsync(new Uri($"http://127.0.0.1:{node.MetricsPort}/metrics"), new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        using var head = await node.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri($"http://127.0.0.1:{node.MetricsPort}/livez")));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    private static System.Text.Json.JsonValueKind JsonNull => System.Text.Json.JsonValueKind.Null;
}
