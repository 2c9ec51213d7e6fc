using Faithcoin.Node.Chain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Indexes;

/// <summary>
/// Keeps the transaction index up with the chain: subscribes to the chain's notifications when the host starts (after
/// the chain is loaded; not a registered <see cref="IChainNotifications"/>, which would make the chain manager depend
/// on itself) and walks the chain from the index's marker to the tip on its own thread, at start and whenever a
/// notification could not be applied. A failure stops the index, never the node.
/// </summary>
public sealed partial class TransactionIndexSync(ChainManager chain, TransactionIndex index, ILogger<TransactionIndexSync> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim wake = new(1);
    private readonly CancellationTokenSource stopping = new();
    private IDisposable? subscription;
    private Task? worker;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        index.Behind += Wake;
        subscription = chain.Events.Subscribe(index);
        worker = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        index.Behind -= Wake;
        await stopping.CancelAsync().ConfigureAwait(false);
        if (worker is not null)
        {
            await worker.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        subscription?.Dispose();
        stopping.Dispose();
        wake.Dispose();
    }

    private void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            wake.Release();
        }
    }

    private async Task RunAsync(CancellationToken cancellation)
    {
        var announced = false;
        try
        {
            while (true)
            {
                await wake.WaitAsync(cancellation).ConfigureAwait(false);
                var start = index.BestBlock?.Height ?? 0;
                var lastProgress = DateTime.UtcNow;
                var steps = 0;
                while (!cancellation.IsCancellationRequested && index.SyncStep())
                {
                    if (++steps == 2 && chain.Tip.Height - start > 1)
                    {
                        LogSyncing(logger, index.BestBlock?.Height ?? 0);
                    }

                    if (DateTime.UtcNow - lastProgress > ProgressInterval)
                    {
                        lastProgress = DateTime.UtcNow;
                        LogProgress(logger, index.BestBlock?.Height ?? 0, chain.Tip.Height);
                    }
                }

                if (!announced && !cancellation.IsCancellationRequested)
                {
                    announced = true;
                    LogEnabled(logger, index.BestBlock?.Height ?? 0);
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(logger, e.Message, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Syncing txindex with block chain from height {Height}")]
    private static partial void LogSyncing(ILogger logger, int height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Syncing txindex with block chain: height {Height} of {Tip}")]
    private static partial void LogProgress(ILogger logger, int height, int tip);

    [LoggerMessage(Level = LogLevel.Information, Message = "txindex is enabled at height {Height}")]
    private static partial void LogEnabled(ILogger logger, int height);

    [LoggerMessage(Level = LogLevel.Error, Message = "txindex stopped: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason, Exception exception);
}
