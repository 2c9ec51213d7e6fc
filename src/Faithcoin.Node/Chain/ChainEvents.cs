using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// Fans chain notifications out to subscribers: those registered in the container as <see cref="IChainNotifications"/>
/// and those that subscribe for a while (a submitblock call, a waitfornewblock long poll).
/// </summary>
public sealed class ChainEvents : IChainNotifications
{
    private readonly Lock gate = new();
    private IChainNotifications[] subscribers;

    public ChainEvents(IEnumerable<IChainNotifications> subscribers)
    {
        ArgumentNullException.ThrowIfNull(subscribers);
        this.subscribers = subscribers.ToArray();
    }

    /// <summary>Adds a subscriber until the returned handle is disposed.</summary>
    public IDisposable Subscribe(IChainNotifications subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (gate)
        {
            subscribers = [.. subscribers, subscriber];
        }

        return new Subscription(this, subscriber);
    }

    public void NewPoWValidBlock(Block block, BlockIndexEntry entry)
    {
        foreach (var s in subscribers)
        {
            s.NewPoWValidBlock(block, entry);
        }
    }

    public void BlockConnected(Block block, BlockIndexEntry entry)
    {
        foreach (var s in subscribers)
        {
            s.BlockConnected(block, entry);
        }
    }

    public void BlockDisconnected(Block block, BlockIndexEntry entry)
    {
        foreach (var s in subscribers)
        {
            s.BlockDisconnected(block, entry);
        }
    }

    public void UpdatedBlockTip(BlockIndexEntry newTip, BlockIndexEntry? forkPoint, bool initialDownload)
    {
        foreach (var s in subscribers)
        {
            s.UpdatedBlockTip(newTip, forkPoint, initialDownload);
        }
    }

    public void BlockChecked(Block block, ValidationError? error)
    {
        foreach (var s in subscribers)
        {
            s.BlockChecked(block, error);
        }
    }

    private void Unsubscribe(IChainNotifications subscriber)
    {
        lock (gate)
        {
            subscribers = subscribers.Where(s => !ReferenceEquals(s, subscriber)).ToArray();
        }
    }

    private sealed class Subscription(ChainEvents owner, IChainNotifications subscriber) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Unsubscribe(subscriber);
            }
        }
    }
}
