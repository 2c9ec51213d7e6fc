namespace Faithcoin.P2P.Net;

/// <summary>
/// A peer's outgoing messages with the byte count 0.15 keeps as nSendSize. A message counts until the socket
/// has taken all of it; above the limit the peer is "send paused" and its requests wait.
/// </summary>
internal sealed class SendQueue
{
    private readonly object gate = new();
    private readonly Queue<byte[]> messages = new();
    private readonly long limit;
    private long queuedBytes;
    private bool completed;
    private TaskCompletionSource? dataSignal;
    private TaskCompletionSource? roomSignal;

    public SendQueue(long limit)
    {
        this.limit = limit;
    }

    public long QueuedBytes
    {
        get
        {
            lock (gate)
            {
                return queuedBytes;
            }
        }
    }

    public bool IsPaused => QueuedBytes > limit;

    public bool TryEnqueue(byte[] message)
    {
        TaskCompletionSource? wake;
        lock (gate)
        {
            if (completed)
            {
                return false;
            }

            messages.Enqueue(message);
            queuedBytes += message.Length;
            wake = dataSignal;
            dataSignal = null;
        }

        wake?.TrySetResult();
        return true;
    }

    /// <summary>The next message to write, left in the queue until <see cref="MarkSent"/>; null once completed and drained.</summary>
    public async ValueTask<byte[]?> PeekAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (messages.Count > 0)
                {
                    return messages.Peek();
                }

                if (completed)
                {
                    return null;
                }

                dataSignal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = dataSignal.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void MarkSent()
    {
        TaskCompletionSource? wake = null;
        lock (gate)
        {
            var sent = messages.Dequeue();
            queuedBytes -= sent.Length;
            if (queuedBytes <= limit)
            {
                wake = roomSignal;
                roomSignal = null;
            }
        }

        wake?.TrySetResult();
    }

    /// <summary>Completes when the queue is at or below the limit (or closed).</summary>
    public async ValueTask WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (queuedBytes <= limit || completed)
                {
                    return;
                }

                roomSignal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = roomSignal.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>No more messages are accepted; what is queued may still be written.</summary>
    public void Complete()
    {
        TaskCompletionSource? data;
        TaskCompletionSource? room;
        lock (gate)
        {
            completed = true;
            data = dataSignal;
            room = roomSignal;
            dataSignal = null;
            roomSignal = null;
        }

        data?.TrySetResult();
        room?.TrySetResult();
    }
}
