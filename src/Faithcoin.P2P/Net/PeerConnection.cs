using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Faithcoin.P2P.Wire;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Net;

/// <summary>
/// One peer's socket (0.15's CNode, socket half): a receive loop filling a pipe, a processing loop cutting it
/// into messages for <see cref="INetEvents"/>, and a write loop draining the send queue. A peer whose send
/// queue is over -maxsendbuffer has its messages left unprocessed; unprocessed bytes over -maxreceivebuffer
/// stop the socket being read. So a peer that never reads, or floods, costs bounded memory.
/// </summary>
public sealed partial class PeerConnection
{
    private const int ReceiveChunk = 64 * 1024;

    // The pipe starts a new segment whenever the current one has less room than asked for, so asking for a whole
    // chunk leaves most of every segment empty when reads are small (a slow link hands over a few kB at a time: an
    // 8 kB read took a fresh 64 kB segment). Asking for a little fills segments before taking the next.
    private const int MinimumReceive = 4 * 1024;

    private readonly Socket socket;
    private readonly PeerConnectionSettings settings;
    private readonly INetEvents events;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Pipe receivePipe;
    private readonly SendQueue sendQueue;
    private readonly FrameDecoder decoder;
    private readonly MessageFramer framer;
    private readonly ReadOnlyMemory<byte> initialBytes;
    private readonly CancellationTokenSource readStop = new();
    private readonly CancellationTokenSource writeStop = new();
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long lastSendUnix;
    private long lastReceiveUnix;
    private long bytesSent;
    private long bytesReceived;
    private int disconnecting;
    private volatile bool handshakeComplete;
    private string? disconnectReason;

    public PeerConnection(
        long id,
        Socket socket,
        ConnectionKind kind,
        string addressName,
        bool whitelisted,
        PeerConnectionSettings settings,
        INetEvents events,
        TimeProvider time,
        ILogger logger,
        IPEndPoint? remoteEndPoint = null,
        ReadOnlyMemory<byte> initialBytes = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Id = id;
        this.socket = socket;
        Kind = kind;
        AddressName = addressName;
        IsWhitelisted = whitelisted;
        this.settings = settings;
        this.events = events;
        this.time = time;
        this.logger = logger;
        // Behind a PROXY header the peer is the address the header carries, not the proxy's.
        RemoteEndPoint = remoteEndPoint ?? (IPEndPoint)socket.RemoteEndPoint!;
        this.initialBytes = initialBytes;
        LocalEndPoint = socket.LocalEndPoint as IPEndPoint;
        ConnectedAt = time.GetUtcNow();
        Activity = new Eviction.PeerActivity(time);
        LocalNonce = RandomNonce();
        var pause = settings.ReceivePauseThreshold;
        receivePipe = new Pipe(new PipeOptions(
            pauseWriterThreshold: pause,
            resumeWriterThreshold: pause / 2,
            minimumSegmentSize: ReceiveChunk,
            useSynchronizationContext: false));
        sendQueue = new SendQueue(settings.MaxSendBuffer);
        decoder = new FrameDecoder(settings.Magic);
        framer = new MessageFramer(settings.Magic);
    }

    public long Id { get; }

    public ConnectionKind Kind { get; }

    public bool IsInbound => Kind == ConnectionKind.Inbound;

    /// <summary>The name we connected to (-addnode value, say) or the remote address for inbound peers.</summary>
    public string AddressName { get; }

    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>Our end of the connection (getpeerinfo's addrbind).</summary>
    public IPEndPoint? LocalEndPoint { get; }

    public IPAddress RemoteAddress => Peers.AddressClass.Normalize(RemoteEndPoint.Address);

    public bool IsWhitelisted { get; }

    /// <summary>The nonce of our version message to this peer, to recognise a connection to ourselves.</summary>
    public ulong LocalNonce { get; }

    /// <summary>Services an outbound peer must offer (set for automatic outbound connections).</summary>
    public Wire.ServiceFlags ExpectedServices { get; init; }

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>What inbound eviction weighs, filled in by the protocol logic.</summary>
    public Eviction.PeerActivity Activity { get; }

    public DateTimeOffset? LastSend => FromUnix(Interlocked.Read(ref lastSendUnix));

    public DateTimeOffset? LastReceive => FromUnix(Interlocked.Read(ref lastReceiveUnix));

    public long BytesSent => Interlocked.Read(ref bytesSent);

    public long BytesReceived => Interlocked.Read(ref bytesReceived);

    /// <summary>Bytes per command both ways (getpeerinfo's bytessent_per_msg and bytesrecv_per_msg).</summary>
    public MessageByteCounters MessageBytes { get; } = new();

    public long SendQueueBytes => sendQueue.QueuedBytes;

    /// <summary>fPauseSend: more than -maxsendbuffer waits to be written.</summary>
    public bool IsSendPaused => sendQueue.IsPaused;

    /// <summary>fSuccessfullyConnected: version and verack both seen.</summary>
    public bool HandshakeComplete => handshakeComplete;

    public bool IsDisconnecting => Volatile.Read(ref disconnecting) != 0;

    public string? DisconnectReason => Volatile.Read(ref disconnectReason);

    /// <summary>Completes once the socket is closed and the protocol logic has forgotten the peer.</summary>
    public Task Completion => completion.Task;

    public void MarkHandshakeComplete() => handshakeComplete = true;

    /// <summary>Queues a message; false when the connection is closing.</summary>
    public bool Send(string command, ReadOnlySpan<byte> payload)
    {
        if (IsDisconnecting)
        {
            return false;
        }

        LogSend(logger, command, payload.Length, Id);
        MessageBytes.AddSent(command, payload.Length);
        return sendQueue.TryEnqueue(framer.Frame(command, payload));
    }

    /// <summary>Waits until the send queue is back under -maxsendbuffer (what ProcessGetData does between items).</summary>
    public ValueTask WaitForSendRoomAsync(CancellationToken cancellationToken) => sendQueue.WaitForRoomAsync(cancellationToken);

    /// <summary>fDisconnect: stop reading now, let queued messages go out for a moment, then close.</summary>
    public void Disconnect(string reason)
    {
        if (Interlocked.Exchange(ref disconnecting, 1) != 0)
        {
            return;
        }

        Volatile.Write(ref disconnectReason, reason);
        LogDisconnect(logger, Id, reason);
        sendQueue.Complete();
        try
        {
            readStop.Cancel();
            writeStop.CancelAfter(settings.CloseGrace);
        }
        catch (ObjectDisposedException)
        {
            // The loops ended on their own (the peer closed) between the caller's look-up and this call: nothing left to stop.
        }
    }

    /// <summary>Starts the loops; the returned task ends when the connection is closed.</summary>
    public Task StartAsync()
    {
        events.InitializePeer(this);
        return Task.Run(RunAsync);
    }

    private static ulong RandomNonce()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes);
    }

    private static DateTimeOffset? FromUnix(long seconds) => seconds == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(seconds);

    private async Task RunAsync()
    {
        try
        {
            var receiving = ReceiveAsync();
            var processing = ProcessAsync();
            var writing = WriteAsync();
            await Task.WhenAll(receiving, processing, writing).ConfigureAwait(false);
        }
        finally
        {
            socket.Dispose();
            try
            {
                events.FinalizePeer(this);
            }
            finally
            {
                // A Disconnect that comes after this sees a closed connection and does nothing.
                Interlocked.Exchange(ref disconnecting, 1);
                readStop.Dispose();
                writeStop.Dispose();
                completion.TrySetResult();
            }
        }
    }

    private async Task ReceiveAsync()
    {
        var writer = receivePipe.Writer;
        var token = readStop.Token;
        try
        {
            if (!initialBytes.IsEmpty)
            {
                // Bytes read while looking for a PROXY header: the start of the P2P stream.
                Interlocked.Add(ref bytesReceived, initialBytes.Length);
                await writer.WriteAsync(initialBytes, token).ConfigureAwait(false);
            }

            while (!token.IsCancellationRequested)
            {
                var memory = writer.GetMemory(MinimumReceive);
                var read = await socket.ReceiveAsync(memory, SocketFlags.None, token).ConfigureAwait(false);
                if (read == 0)
                {
                    Disconnect("socket closed");
                    break;
                }

                Interlocked.Exchange(ref lastReceiveUnix, time.GetUtcNow().ToUnixTimeSeconds());
                Interlocked.Add(ref bytesReceived, read);
                writer.Advance(read);
                var flush = await writer.FlushAsync(token).ConfigureAwait(false);
                if (flush.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            Disconnect($"socket recv error {e.Message}");
        }
        finally
        {
            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync()
    {
        var reader = receivePipe.Reader;
        var token = readStop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var result = await reader.ReadAsync(token).ConfigureAwait(false);
                var buffer = result.Buffer;
                var stop = await ProcessBufferedAsync(buffer, token).ConfigureAwait(false);
                reader.AdvanceTo(stop.Consumed, buffer.End);
                if (stop.Fatal || result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            Disconnect(DisconnectReason ?? "receive ended");
        }
    }

    private async ValueTask<(SequencePosition Consumed, bool Fatal)> ProcessBufferedAsync(
        System.Buffers.ReadOnlySequence<byte> buffer,
        CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            var status = decoder.TryDecode(ref buffer, out var frame, out var problem);
            switch (status)
            {
                case FrameStatus.NeedMoreData:
                    return (buffer.Start, false);
                case FrameStatus.Fatal:
                    Disconnect(problem!);
                    return (buffer.Start, true);
                case FrameStatus.Skipped:
                    LogSkipped(logger, problem!, Id);
                    continue;
            }

            // 0.15 does not process a peer's messages while its send buffer is full (fPauseSend).
            await sendQueue.WaitForRoomAsync(token).ConfigureAwait(false);
            LogReceived(logger, frame!.Command, frame.Payload.Length, Id);
            MessageBytes.AddReceived(frame.Command, frame.Payload.Length);
            await events.ProcessMessageAsync(this, frame, token).ConfigureAwait(false);
            if (IsDisconnecting)
            {
                return (buffer.Start, true);
            }

            await events.SendMessagesAsync(this, token).ConfigureAwait(false);
        }

        return (buffer.Start, true);
    }

    private async Task WriteAsync()
    {
        var token = writeStop.Token;
        try
        {
            while (true)
            {
                var message = await sendQueue.PeekAsync(token).ConfigureAwait(false);
                if (message is null)
                {
                    break;
                }

                var offset = 0;
                while (offset < message.Length)
                {
                    var written = await socket.SendAsync(message.AsMemory(offset), SocketFlags.None, token).ConfigureAwait(false);
                    offset += written;
                    Interlocked.Exchange(ref lastSendUnix, time.GetUtcNow().ToUnixTimeSeconds());
                    Interlocked.Add(ref bytesSent, written);
                }

                sendQueue.MarkSent();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            Disconnect($"socket send error {e.Message}");
        }
        finally
        {
            // Unblocks a processing loop waiting for room, whatever ended the writing.
            sendQueue.Complete();
            readStop.Cancel();
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "sending {Command} ({Size} bytes) peer={Peer}")]
    private static partial void LogSend(ILogger logger, string command, int size, long peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "received: {Command} ({Size} bytes) peer={Peer}")]
    private static partial void LogReceived(ILogger logger, string command, int size, long peer);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Problem} peer={Peer}")]
    private static partial void LogSkipped(ILogger logger, string problem, long peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "disconnecting peer={Peer}: {Reason}")]
    private static partial void LogDisconnect(ILogger logger, long peer, string reason);
}
