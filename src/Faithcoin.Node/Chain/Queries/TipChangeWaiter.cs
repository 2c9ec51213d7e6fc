using Faithcoin.Consensus.Chain;
using Faithcoin.Node.ChainView;
using Microsoft.Extensions.Hosting;

namespace Faithcoin.Node.Chain.Queries;

/// <summary>
/// Lets RPC calls wait for the active tip to change (0.15's latestblock and cond_blockchange behind waitfornewblock,
/// waitforblock, waitforblockheight and the getblocktemplate long poll). The tip itself is read from the chain, which
/// publishes it before notifying; the notification only wakes the waiters. Waits end early when the node stops, as
/// 0.15's end when RPC stops running, so a long poll never holds up shutdown.
/// </summary>
public sealed class TipChangeWaiter : IChainNotifications, IDisposable
{
    private readonly IChainView chain;
    private readonly Lock gate = new();
    private readonly IDisposable subscription;
    private readonly CancellationTokenRegistration stoppingRegistration;
    private TaskCompletionSource changed = NewSignal();

    public TipChangeWaiter(IChainView chain, ChainEvents events, IHostApplicationLifetime? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(events);
        this.chain = chain;
        subscription = events.Subscribe(this);
        if (lifetime is not null)
        {
            Stopping = lifetime.ApplicationStopping;
            stoppingRegistration = Stopping.Register(Wake);
        }
    }

    /// <summary>The tip now.</summary>
    public ChainedHeader Current => chain.Tip;

    /// <summary>Cancelled when the node begins to stop (0.15's !IsRPCRunning()).</summary>
    public CancellationToken Stopping { get; }

    /// <summary>
    /// Waits until <paramref name="done"/> holds for the tip, the timeout passes (null: no timeout), the node stops or
    /// the call is cancelled; returns the tip at that moment.
    /// </summary>
    public async Task<ChainedHeader> WaitAsync(Func<ChainedHeader, bool> done, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(done);
        var deadline = timeout is { } span ? DateTime.UtcNow + span : (DateTime?)null;
        while (true)
        {
            Task signal;
            lock (gate)
            {
                signal = changed.Task;
            }

            // Read after taking the signal, so a change between the two is never missed.
            var tip = chain.Tip;
            if (done(tip) || Stopping.IsCancellationRequested)
            {
                return tip;
            }

            var remaining = deadline is { } end ? end - DateTime.UtcNow : Timeout.InfiniteTimeSpan;
            if (deadline is not null && remaining <= TimeSpan.Zero)
            {
                return tip;
            }

            try
            {
                await signal.WaitAsync(remaining, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return chain.Tip;
            }
        }
    }

    void IChainNotifications.UpdatedBlockTip(BlockIndexEntry newTip, BlockIndexEntry? forkPoint, bool initialDownload) => Wake();

    public void Dispose()
    {
        subscription.Dispose();
        stoppingRegistration.Dispose();
        Wake();
    }

    private void Wake()
    {
        TaskCompletionSource previous;
        lock (gate)
        {
            previous = changed;
            changed = NewSignal();
        }

        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
