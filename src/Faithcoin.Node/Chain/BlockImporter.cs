using Faithcoin.Node.Storage;

namespace Faithcoin.Node.Chain;

/// <summary>
/// 0.15's ThreadImport: after start-up, in the background, re-reads the node's block files for -reindex, imports
/// the -loadblock files, then connects the best chain. RPC answers meanwhile; the tip climbs as blocks connect.
/// </summary>
public sealed class BlockImporter(ChainManager chain, ChainLog log)
{
    private readonly CancellationTokenSource stopping = new();
    private Task? running;

    public Task Completion => running ?? Task.CompletedTask;

    public void Start()
    {
        if (running is not null)
        {
            throw new InvalidOperationException("The importer is already running.");
        }

        running = Task.Factory.StartNew(Run, stopping.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Asks the import to stop after the current block and waits for it.</summary>
    public async Task StopAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (running is not null)
        {
            try
            {
                await running.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped before it began.
            }
        }

        stopping.Dispose();
    }

    private void Run()
    {
        var token = stopping.Token;
        try
        {
            chain.ActivateBestChain();
            var loader = new ExternalBlockFileLoader(chain, log);
            var importing = chain.IsReindexing || chain.Settings.LoadBlockFiles.Count > 0;
            chain.SetImporting(importing);
            if (chain.IsReindexing)
            {
                Reindex(loader, token);
            }

            foreach (var path in chain.Settings.LoadBlockFiles)
            {
                if (token.IsCancellationRequested)
                {
                    return;
                }

                if (!File.Exists(path))
                {
                    log.Message($"Warning: Could not open blocks file {path}");
                    continue;
                }

                log.Message($"Importing blocks file {path}...");
                loader.Load(path, null, token);
            }

            chain.SetImporting(false);
            if (!token.IsCancellationRequested)
            {
                chain.ActivateBestChain();
            }
        }
        catch (ObjectDisposedException) when (token.IsCancellationRequested)
        {
            // Shutting down while a block was being processed.
        }
        catch (StorageException e)
        {
            log.Failure($"Block import stopped: {e.Message}");
            throw;
        }
    }

    private void Reindex(ExternalBlockFileLoader loader, CancellationToken token)
    {
        for (var file = 0; !token.IsCancellationRequested; file++)
        {
            var path = BlockFileNames.PathOf(chain.Store.BlocksDirectory, file);
            if (!File.Exists(path) || new FileInfo(path).Length == 0)
            {
                break;
            }

            log.Message($"Reindexing block file blk{file:D5}.dat...");
            loader.Load(path, file, token);
        }

        if (!token.IsCancellationRequested)
        {
            chain.FinishReindex();
            log.Message("Reindexing finished");
        }
    }
}
