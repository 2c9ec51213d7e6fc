using Faithcoin.Node.Chain;
using Faithcoin.Node.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// -persistmempool: once the start-up import has finished, mempool.dat goes back through acceptance with each
/// entry's original time and fee delta (expired ones skipped); at shutdown the pool is written, but only if it was
/// loaded, so a node stopped during import does not overwrite a good file with an empty one (0.15 does the same).
/// </summary>
public sealed partial class MempoolPersistenceService(
    NodeOptions options,
    ArgsStore args,
    BlockImporter importer,
    TransactionPool pool,
    MempoolAcceptor acceptor,
    TimeProvider time,
    ILogger<MempoolPersistenceService> logger) : IHostedService
{
    private readonly bool persist = PersistOption(args);
    private readonly CancellationTokenSource stopping = new();
    private Task? loading;
    private volatile bool loaded;

    private string FilePath => Path.Combine(options.DataDirectory.ChainPath, MempoolFile.FileName);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (persist)
        {
            var token = stopping.Token;
            loading = importer.Completion.ContinueWith(
                t =>
                {
                    if (t.IsCompletedSuccessfully && !token.IsCancellationRequested)
                    {
                        Load(token);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops before the start-up service (registered after it), so the import may still be running: a load that has
    /// not begun is called off rather than waited for, one in progress stops between entries, and only a pool that
    /// was loaded is written.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loading is not null && importer.Completion.IsCompleted)
        {
            try
            {
                await loading.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout: leave the file as it is.
                return;
            }
        }

        if (loaded)
        {
            Dump();
        }
    }

    /// <summary>-persistmempool (default 1); a value that is not a boolean reads as 0.15's atoi would, as false.</summary>
    private static bool PersistOption(ArgsStore args) =>
        args.GetString("persistmempool") is not { } text || (ArgParsing.TryParseBool(text, out var value) && value);

    /// <summary>LoadMempool: returns how many entries were accepted; a stop request ends it between entries, unloaded.</summary>
    public int Load(CancellationToken cancellationToken = default)
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            loaded = true;
            return 0;
        }

        MempoolDump dump;
        try
        {
            dump = MempoolFile.Read(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            LogFailed(logger, e.Message);
            loaded = true;
            return 0;
        }

        int accepted = 0, failed = 0, expired = 0;
        var expiry = (long)pool.Settings.MempoolExpiry.TotalSeconds;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var entry in dump.Entries)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return accepted;
            }

            if (entry.FeeDelta != 0)
            {
                pool.Prioritise(entry.Transaction.GetHash(), entry.FeeDelta);
            }

            if (entry.Time + expiry <= now)
            {
                expired++;
                continue;
            }

            if (acceptor.Accept(entry.Transaction, acceptTime: entry.Time).Accepted)
            {
                accepted++;
            }
            else
            {
                failed++;
            }
        }

        foreach (var (txid, delta) in dump.Deltas)
        {
            pool.Prioritise(txid, delta);
        }

        LogLoaded(logger, accepted, failed, expired);
        loaded = true;
        return accepted;
    }

    /// <summary>DumpMempool.</summary>
    public void Dump()
    {
        var started = time.GetTimestamp();
        var entries = pool.Snapshot();
        var all = pool.Deltas();
        var inPool = entries.Select(e => e.Txid).ToHashSet();
        var dumpEntries = entries.Select(e => new MempoolDumpEntry(e.Transaction, e.Time, e.FeeDelta)).ToArray();
        var others = all.Where(d => !inPool.Contains(d.Key)).ToDictionary(d => d.Key, d => d.Value);
        try
        {
            MempoolFile.Write(FilePath, dumpEntries, others);
            LogDumped(logger, dumpEntries.Length, time.GetElapsedTime(started).TotalSeconds);
        }
        catch (IOException e)
        {
            LogFailed(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported mempool transactions from disk: {Accepted} successes, {Failed} failed, {Expired} expired")]
    private static partial void LogLoaded(ILogger logger, int accepted, int failed, int expired);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dumped mempool: {Count} transactions, {Seconds:F3}s to dump")]
    private static partial void LogDumped(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed to read or write mempool data: {Message}. Continuing anyway.")]
    private static partial void LogFailed(ILogger logger, string message);
}
