using Faithcoin.Node.Rpc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Hosting;

/// <summary>
/// The last step of 0.15's AppInitMain ("Done loading", SetRPCWarmupFinished): registered after every other
/// service, so RPC stops answering -28 only once the chain is loaded and the P2P node is listening, and a client
/// that sees the node ready can use every method (getnetworkinfo, addnode, ...).
/// </summary>
public sealed partial class RpcWarmupFinisher(RpcWarmup warmup, ILogger<RpcWarmupFinisher> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        warmup.Finish();
        LogDone(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Done loading")]
    private static partial void LogDone(ILogger logger);
}
