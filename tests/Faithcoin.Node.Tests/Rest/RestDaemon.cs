using System.Net;
using System.Text.Json;
using Faithcoin.Node.Tests.Rpc.Http;

namespace Faithcoin.Node.Tests.Rest;

/// <summary>A regtest daemon with -rest and 101 blocks mined to a fixed address; the hashes are read back over RPC.</summary>
public sealed class RestDaemon : HttpDaemon
{
    // A regtest P2PKH address (prefix 111), independent of the code under test.
    public const string Address = "mkHS9ne12qx9pS9VojpwU5xtRd4T7X7ZUt";

    public IReadOnlyList<string> Hashes { get; private set; } = [];

    /// <summary>The coinbase of block 1: unspent, so found without -txindex.</summary>
    public string FirstCoinbase { get; private set; } = string.Empty;

    protected override IEnumerable<string> ExtraArgs => ["-rest"];

    public async Task<JsonElement> ResultAsync(string method, string parameters = "")
    {
        using var response = await PostAsync($$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("result").Clone();
    }

    public async Task<(HttpStatusCode Status, string ContentType, byte[] Body)> GetAsync(string path, HttpMethod? method = null, byte[]? body = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(BaseUri, path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        using var response = await Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? string.Empty, bytes);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var (status, type, body) = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        Assert.Equal((byte)'\n', body[^1]);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    protected override async Task OnStartedAsync()
    {
        Hashes = (await ResultAsync("generatetoaddress", $"101, \"{Address}\"")).EnumerateArray().Select(h => h.GetString()!).ToArray();
        FirstCoinbase = (await ResultAsync("getblock", $"\"{Hashes[0]}\"")).GetProperty("tx")[0].GetString()!;
    }
}
