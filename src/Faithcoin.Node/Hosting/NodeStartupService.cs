using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Hosting;

/// <summary>
/// The tail of the original's AppInitMain: load the chain while RPC answers -28 with the current step, then
/// start the background import (ThreadImport: -reindex, -loadblock, connecting the best chain). It runs after
/// the RPC server has started, so clients can poll from the first moment; <see cref="RpcWarmupFinisher"/> ends
/// the warm-up once the services after this one (P2P) have started too.
/// </summary>
public sealed partial class NodeStartupService(
    ChainManager chain,
    BlockImporter importer,
    ChainParams chainParams,
    RpcWarmup warmup,
    IShutdownRequester shutdown,
    ILogger<NodeStartupService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        warmup.SetStatus("Loading block index...");
        LogProgress(logger, "Loading block index...");
        LogProgress(logger, Configuration.ChainStateOptionsBinder.Describe(chain.Settings));
        try
        {
            chain.Load();
        }
        catch (StorageException e)
        {
            // NodeProgram prints it and exits 1; the message names the file and, for damage, says to run -reindex.
            throw new InvalidOperationException(e.Message, e);
        }

        var tip = chain.Tip;
        if (chain.GetBlockAtHeight(0)?.HashBlock != chainParams.GenesisHash)
        {
            throw new InvalidOperationException("Incorrect or no genesis block found. Wrong datadir for network?");
        }

        LogTip(logger, tip.HashBlock.ToString(), tip.Height);
        importer.Start();
        warmup.SetStatus("Starting network threads...");
        _ = importer.Completion.ContinueWith(
            t =>
            {
                LogProgress(logger, $"Error: block import failed: {t.Exception?.GetBaseException().Message}");
                shutdown.RequestShutdown();
            },
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
        return Task.CompletedTask;
    }

    // Registered last, so stopped first: the first line of every shutdown, however it was asked for.
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        LogProgress(logger, "Shutdown: In progress...");
        await importer.StopAsync().ConfigureAwait(false);
        if (chain.IsLoaded)
        {
            chain.Flush();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Step}")]
    private static partial void LogProgress(ILogger logger, string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Active chain tip: best={Hash} height={Height}")]
    private static partial void LogTip(ILogger logger, string hash, int height);
}
