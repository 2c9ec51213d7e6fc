using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Net;

/// <summary>
/// The connections the operator names: -connect (only these, retried every half second or so as
/// ThreadOpenConnections does), -addnode (kept, retried after <see cref="P2POptions.AddNodeRetryInterval"/>,
/// in their own slots) and -seednode (one-shot, in an outbound slot, re-queued when unreachable).
/// </summary>
public sealed partial class ManualConnections : IAsyncDisposable
{
    private static readonly TimeSpan ShortPause = TimeSpan.FromMilliseconds(500);

    private readonly P2POptions options;
    private readonly ConnectionManager connections;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> loops = [];
    private readonly Lock addedGate = new();
    private readonly List<string> addedNodes;

    public ManualConnections(P2POptions options, ConnectionManager connections, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options;
        this.connections = connections;
        this.time = time;
        this.logger = logger;
        addedNodes = options.AddNode.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>vAddedNodes: -addnode values plus those added by RPC, in order.</summary>
    public IReadOnlyList<string> AddedNodes
    {
        get
        {
            lock (addedGate)
            {
                return addedNodes.ToList();
            }
        }
    }

    /// <summary>AddNode ("addnode add"): false when the name is already in the list.</summary>
    public bool AddNode(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        lock (addedGate)
        {
            if (addedNodes.Contains(destination, StringComparer.Ordinal))
            {
                return false;
            }

            addedNodes.Add(destination);
            return true;
        }
    }

    /// <summary>RemoveAddedNode ("addnode remove"): false when the name was not in the list. An open connection stays.</summary>
    public bool RemoveAddedNode(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        lock (addedGate)
        {
            return addedNodes.Remove(destination);
        }
    }

    public void Start()
    {
        var token = stopping.Token;
        if (options.Connect is { Count: > 0 } connect)
        {
            loops.Add(Task.Run(() => ConnectLoopAsync(connect, token)));
        }

        // -connect=0 starts no outbound thread at all in 0.15, so seed nodes are not used either.
        if (options.Connect is null or { Count: > 0 } && options.SeedNode.Count > 0)
        {
            loops.Add(Task.Run(() => OneShotLoopAsync(token)));
        }

        // Always running, as 0.15's ThreadOpenAddedConnections, because "addnode add" can fill the list later.
        loops.Add(Task.Run(() => AddedNodesLoopAsync(token)));
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(loops).ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task ConnectLoopAsync(IReadOnlyList<string> destinations, CancellationToken cancellationToken)
    {
        try
        {
            for (var round = 0; !cancellationToken.IsCancellationRequested; round++)
            {
                foreach (var destination in destinations)
                {
                    await TryConnectAsync(destination, ConnectionKind.Manual, cancellationToken).ConfigureAwait(false);
                    var pause = ShortPause * Math.Min(round, 10);
                    if (pause > TimeSpan.Zero)
                    {
                        await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
                    }
                }

                await Task.Delay(ShortPause, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task AddedNodesLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var tried = false;
                foreach (var destination in AddedNodes)
                {
                    if (connections.FindByName(destination) is not null)
                    {
                        continue;
                    }

                    if (AddedNodesConnected() >= options.MaxAddNode)
                    {
                        break;
                    }

                    tried = true;
                    await TryConnectAsync(destination, ConnectionKind.Manual, cancellationToken).ConfigureAwait(false);
                    await Task.Delay(ShortPause, time, cancellationToken).ConfigureAwait(false);
                }

                await Task.Delay(tried ? options.AddNodeRetryInterval : TimeSpan.FromSeconds(2), time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task OneShotLoopAsync(CancellationToken cancellationToken)
    {
        var pending = new Queue<string>(options.SeedNode);
        try
        {
            while (pending.Count > 0 && !cancellationToken.IsCancellationRequested)
            {
                var outbound = connections.CountOf(ConnectionKind.Outbound) + connections.CountOf(ConnectionKind.OneShot);
                if (outbound < options.MaxOutbound)
                {
                    var destination = pending.Dequeue();
                    if (!await TryConnectAsync(destination, ConnectionKind.OneShot, cancellationToken).ConfigureAwait(false))
                    {
                        pending.Enqueue(destination);
                    }
                }

                await Task.Delay(ShortPause, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private int AddedNodesConnected() => AddedNodes.Count(name => connections.FindByName(name) is not null);

    private async Task<bool> TryConnectAsync(string destination, ConnectionKind kind, CancellationToken cancellationToken)
    {
        if (connections.FindByName(destination) is not null)
        {
            return true;
        }

        try
        {
            return await connections.ConnectAsync(destination, kind, cancellationToken).ConfigureAwait(false) is not null;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // A bad name or a refused connection is logged and retried, never fatal.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, destination, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "connecting to {Destination} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string destination, string reason);
}
