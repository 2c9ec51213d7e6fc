using Faithcoin.Consensus.Chain;
using Faithcoin.Node.ChainView;
using Faithcoin.Node.Rpc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Hosting;

/// <summary>
/// The tail of the original's AppInitMain: load the chain while RPC answers -28 with the current step, then
/// end the warm-up. It runs after the RPC server has started, so clients can poll from the first moment.
/// </summary>
public sealed partial class NodeStartupService(
    IChainView chain,
    ChainParams chainParams,
    RpcWarmup warmup,
    ILogger<NodeStartupService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        warmup.SetStatus("Loading block index...");
        LogProgress(logger, "Loading block index...");
        var tip = chain.Tip;
        if (chain.GetBlockAtHeight(0)?.HashBlock != chainParams.GenesisHash)
        {
            throw new InvalidOperationException("Incorrect or no genesis block found. Wrong datadir for network?");
        }

        LogTip(logger, tip.HashBlock.ToString(), tip.Height);
        warmup.Finish();
        LogProgress(logger, "Done loading");
        return Task.CompletedTask;
    }

    // Registered last, so stopped first: the first line of every shutdown, however it was asked for.
    public Task StopAsync(CancellationToken cancellationToken)
    {
        LogProgress(logger, "Shutdown: In progress...");
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Step}")]
    private static partial void LogProgress(ILogger logger, string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Active chain tip: best={Hash} height={Height}")]
    private static partial void LogTip(ILogger logger, string hash, int height);
}
