using Faithcoin.P2P.Peers;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Net;

/// <summary>
/// The periodic pass over all peers: 0.15's InactivityCheck from the socket thread and the timer half of
/// SendMessages from the message thread (pings, feefilter), plus writing the ban list when it changed.
/// </summary>
public sealed partial class PeerMaintenance : IAsyncDisposable
{
    private readonly ConnectionManager connections;
    private readonly INetEvents events;
    private readonly InactivityPolicy inactivity;
    private readonly BanListFile? banListFile;
    private readonly TimeSpan interval;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    public PeerMaintenance(
        ConnectionManager connections,
        INetEvents events,
        InactivityPolicy inactivity,
        BanListFile? banListFile,
        TimeSpan interval,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(inactivity);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.connections = connections;
        this.events = events;
        this.inactivity = inactivity;
        this.banListFile = banListFile;
        this.interval = interval;
        this.time = time;
        this.logger = logger;
    }

    public void Start() => loop = Task.Run(() => RunAsync(stopping.Token));

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        SaveBanListIfDirty();
        stopping.Dispose();
    }

    /// <summary>One pass; public so tests can drive it without waiting for the timer.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var peer in connections.Peers)
        {
            if (peer.IsDisconnecting)
            {
                continue;
            }

            var reason = inactivity.Check(now, peer.ConnectedAt, peer.LastSend, peer.LastReceive, peer.HandshakeComplete);
            if (reason is not null)
            {
                peer.Disconnect(reason);
                continue;
            }

            await events.SendMessagesAsync(peer, cancellationToken).ConfigureAwait(false);
        }

        SaveBanListIfDirty();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await TickAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
#pragma warning disable CA1031 // A failing pass is logged and the next one runs; the node must keep its peers.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LogTickFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void SaveBanListIfDirty()
    {
        if (banListFile is not null && connections.BanList.IsDirty)
        {
            banListFile.Save(connections.BanList, time.GetUtcNow());
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "peer maintenance pass failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
