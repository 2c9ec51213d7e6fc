using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.ChainView;
using Faithcoin.Node.Configuration;
using Faithcoin.Node.Hosting;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Faithcoin.Node.Tests.Rpc.Http;

/// <summary>The whole HTTP server in process on a real loopback socket: -28 with the current step until start-up ends.</summary>
public sealed class HttpWarmupTests : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private ServiceProvider? provider;
    private IHostedService? server;
    private int port;

    public async Task InitializeAsync()
    {
        port = DaemonProcess.FreePort();
        var options = new NodeConfigurationLoader(new NodeOptionsBinder(new OptionCatalog()), data.Path)
            .Load(CommandLineParser.Parse([$"-datadir={data.Path}", "-regtest", $"-rpcport={port}", $"-rpcauth={HttpDaemon.RpcAuth}"]));
        options.DataDirectory.CreateChainFolder();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton(ChainParams.Regtest);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IChainView, GenesisOnlyChain>();
        services.AddSingleton(new NodeUptime(TimeProvider.System));
        services.AddSingleton<IShutdownRequester>(new RpcTestServices.RecordingShutdown());
        services.AddRpcCore().AddControlRpcMethods().AddBlockchainRpcMethods();
        services.AddRpcHttpServer();
        provider = services.BuildServiceProvider();
        server = provider.GetServices<IHostedService>().Single();
        await server.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        if (server is not null)
        {
            await server.StopAsync(CancellationToken.None);
        }

        if (provider is not null)
        {
            await provider.DisposeAsync();
        }

        data.Dispose();
    }

    private async Task<(HttpStatusCode Status, JsonElement Reply)> CallAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/")
        {
            Content = new StringContent("""{"method":"getblockcount","id":7}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(HttpDaemon.Credentials)));
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task CallsGetMinus28WithTheStepUntilTheWarmupEnds()
    {
        var warmup = provider!.GetRequiredService<RpcWarmup>();
        warmup.SetStatus("Loading block index...");
        var (status, reply) = await CallAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(-28, reply.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("Loading block index...", reply.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(7, reply.GetProperty("id").GetInt32());

        warmup.Finish();
        (status, reply) = await CallAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, reply.GetProperty("result").GetInt32());
    }
}
