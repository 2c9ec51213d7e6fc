namespace Faithcoin.Node.Rpc.Http;

/// <summary>
/// The original's WorkQueue behind its -rpcthreads workers: at most <c>threads</c> requests run at once and at most
/// <c>depth</c> more wait; a request beyond that is refused at once rather than queued without bound.
/// </summary>
public sealed class HttpWorkQueue : IDisposable
{
    private readonly SemaphoreSlim workers;
    private readonly int capacity;
    private int admitted;

    public HttpWorkQueue(int threads, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        workers = new SemaphoreSlim(threads, threads);
        capacity = threads + depth;
    }

    /// <summary>Runs <paramref name="work"/> when a worker is free; false, without running it, when the queue is full.</summary>
    public async Task<bool> TryRunAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Interlocked.Increment(ref admitted) > capacity)
        {
            Interlocked.Decrement(ref admitted);
            return false;
        }

        try
        {
            await workers.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await work().ConfigureAwait(false);
            }
            finally
            {
                workers.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref admitted);
        }

        return true;
    }

    public void Dispose() => workers.Dispose();
}
