using System.Net;
using System.Net.Sockets;
using Faithcoin.Consensus.Chain;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Net;

/// <summary>
/// The listening sockets of -listen/-bind/-port, which can be bound before the node has a chain to serve: a host
/// binds them first thing, so TCP probes succeed and a port held by another program stops the start at once, and
/// connections that arrive before <see cref="Attach"/> wait unread (the peer's version stays in the kernel's
/// buffer) until the connection manager takes them. The P2P node that receives this set owns it from then on.
/// </summary>
public sealed partial class PeerListeners : IAsyncDisposable
{
    private readonly P2POptions options;
    private readonly int defaultPort;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly List<ConnectionListener> listeners = [];
    private readonly Queue<Socket> waiting = new();
    private readonly Lock gate = new();
    private readonly int maxWaiting;
    private Action<Socket>? onAccepted;
    private bool bound;
    private int disposed;

    public PeerListeners(P2POptions options, ChainParams chain, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.options = options;
        defaultPort = options.ListenPort(chain);
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<PeerListeners>();

        // More waiting connections than inbound slots could never all be admitted anyway.
        maxWaiting = Math.Max(1, options.MaxInbound);
    }

    /// <summary>The addresses bound (real ports when port 0 was asked for); empty before <see cref="Bind"/> and with -listen=0.</summary>
    public IReadOnlyList<IPEndPoint> LocalEndpoints
    {
        get
        {
            lock (gate)
            {
                return listeners.Select(l => l.LocalEndPoint).ToList();
            }
        }
    }

    /// <summary>
    /// Binds every -bind address (IPv6 and IPv4 on the port when none is given) and starts accepting; does nothing
    /// with -listen=0 or when already bound. Addresses that cannot be bound are logged and skipped; none bound at
    /// all is an error, as 0.15's "Failed to listen on any port".
    /// </summary>
    public void Bind()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed != 0, this);
            if (bound || !options.Listen)
            {
                return;
            }

            bound = true;
            var endpoints = options.Bind.Count > 0
                ? options.Bind
                : [new IPEndPoint(IPAddress.IPv6Any, defaultPort), new IPEndPoint(IPAddress.Any, defaultPort)];
            foreach (var endpoint in endpoints)
            {
                var listener = new ConnectionListener(endpoint, OnAccepted, loggerFactory.CreateLogger<ConnectionListener>());
                try
                {
                    listener.Start();
                    listeners.Add(listener);
                }
                catch (SocketException e)
                {
                    LogBindFailed(logger, endpoint, e.Message);
                }
            }

            if (listeners.Count == 0)
            {
                throw new InvalidOperationException("Failed to listen on any port. Use -listen=0 if you want this.");
            }
        }
    }

    /// <summary>Hands every waiting connection, then each new one, to <paramref name="accepted"/> (called inline; it must not block).</summary>
    public void Attach(Action<Socket> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        List<Socket> early;
        lock (gate)
        {
            if (onAccepted is not null)
            {
                throw new InvalidOperationException("The listeners already hand their connections on.");
            }

            onAccepted = accepted;
            early = [.. waiting];
            waiting.Clear();
        }

        foreach (var socket in early)
        {
            HandOn(accepted, socket);
        }
    }

    /// <summary>Closes the listeners and any connection still waiting; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        List<ConnectionListener> closing;
        lock (gate)
        {
            closing = [.. listeners];
        }

        foreach (var listener in closing)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        lock (gate)
        {
            listeners.Clear();
            while (waiting.TryDequeue(out var socket))
            {
                socket.Dispose();
            }
        }
    }

    private void OnAccepted(Socket socket)
    {
        Action<Socket>? target;
        lock (gate)
        {
            target = onAccepted;
            if (target is null)
            {
                if (disposed != 0)
                {
                    socket.Dispose();
                    return;
                }

                if (waiting.Count >= maxWaiting)
                {
                    // The oldest is the likeliest to be a finished TCP probe or a peer whose handshake timer ran out.
                    waiting.Dequeue().Dispose();
                    LogWaitingDropped(logger);
                }

                waiting.Enqueue(socket);
                return;
            }
        }

        target(socket);
    }

    private void HandOn(Action<Socket> target, Socket socket)
    {
        try
        {
            target(socket);
        }
#pragma warning disable CA1031 // One bad connection must not keep the others waiting.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogHandOnFailed(logger, e.Message);
            socket.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unable to bind to {Endpoint}: {Reason}")]
    private static partial void LogBindFailed(ILogger logger, IPEndPoint endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "connection waiting for the chain to load dropped (too many waiting)")]
    private static partial void LogWaitingDropped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "socket error accept failed: {Error}")]
    private static partial void LogHandOnFailed(ILogger logger, string error);
}
