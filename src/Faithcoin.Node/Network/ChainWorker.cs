using System.Collections.Concurrent;

namespace Faithcoin.Node.Networking;

/// <summary>
/// One dedicated thread that runs the chain manager's synchronous work for peers (headers, blocks). The chain
/// manager serialises writers on its lock anyway; queueing here keeps pool threads from piling up on that lock and
/// leaves every peer's socket loops free while a block connects.
/// </summary>
public sealed class ChainWorker : IDisposable
{
    private readonly BlockingCollection<Action> queue = new();
    private readonly Lock startGate = new();
    private Thread? thread;
    private int disposed;

    /// <summary>Queues <paramref name="work"/>; the task completes (on the pool, not this thread) with its result or exception.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        EnsureStarted();
        try
        {
            queue.Add(() =>
            {
                try
                {
                    completion.SetResult(work());
                }
#pragma warning disable CA1031 // The exception belongs to the caller; it travels in the task.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    completion.SetException(e);
                }
            });
        }
        catch (InvalidOperationException)
        {
            completion.SetException(new ObjectDisposedException(nameof(ChainWorker)));
        }

        return completion.Task;
    }

    /// <summary>Lets queued work finish (bounded), then stops the thread.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        queue.CompleteAdding();
        // Not disposing the collection: a late RunAsync must see "completed", not a disposed object.
        thread?.Join(TimeSpan.FromSeconds(10));
    }

    private void EnsureStarted()
    {
        if (thread is not null)
        {
            return;
        }

        lock (startGate)
        {
            if (thread is not null)
            {
                return;
            }

            var started = new Thread(Run) { IsBackground = true, Name = "chain-worker" };
            started.Start();
            thread = started;
        }
    }

    private void Run()
    {
        foreach (var work in queue.GetConsumingEnumerable())
        {
            work();
        }
    }
}
