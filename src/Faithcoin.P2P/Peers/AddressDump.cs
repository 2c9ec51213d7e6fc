using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Peers;

/// <summary>
/// Keeps peers.dat current: loaded at start, written every DUMP_ADDRESSES_INTERVAL (15 minutes) and once more
/// at shutdown, as 0.15's DumpAddresses schedule does.
/// </summary>
public sealed partial class AddressDump : IAsyncDisposable
{
    private readonly PeersFile file;
    private readonly AddressManager addresses;
    private readonly TimeSpan interval;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    public AddressDump(PeersFile file, AddressManager addresses, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.file = file;
        this.addresses = addresses;
        this.interval = interval;
        this.time = time;
        this.logger = logger;
    }

    public void Start()
    {
        file.TryLoad(addresses);
        loop = Task.Run(() => RunAsync(stopping.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
            Save();
        }

        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
                Save();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Save()
    {
        try
        {
            file.Save(addresses);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSaveFailed(logger, file.Path, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Path} failed: {Reason}")]
    private static partial void LogSaveFailed(ILogger logger, string path, string reason);
}
