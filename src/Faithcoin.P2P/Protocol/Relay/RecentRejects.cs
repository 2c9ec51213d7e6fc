using NBitcoin;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// recentRejects: transactions the pool turned away since the tip last changed, so they are neither asked for
/// again nor re-validated when other peers relay them. A new tip can make them valid, so the set is emptied
/// whenever the tip differs from the one it was filled under, as 0.15 does.
/// </summary>
public sealed class RecentRejects
{
    /// <summary>The size of 0.15's rolling filter.</summary>
    public const int Capacity = 120_000;

    private readonly IChainSource chain;
    private readonly Lock gate = new();
    private readonly RollingTxidSet rejected = new(Capacity);
    private uint256? tipWhenFilled;

    public RecentRejects(IChainSource chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        this.chain = chain;
    }

    public bool Contains(uint256 txid)
    {
        lock (gate)
        {
            ResetOnNewTip();
            return rejected.Contains(txid);
        }
    }

    public void Add(uint256 txid)
    {
        lock (gate)
        {
            ResetOnNewTip();
            rejected.Add(txid);
        }
    }

    private void ResetOnNewTip()
    {
        var tip = chain.Tip.HashBlock;
        if (tip != tipWhenFilled)
        {
            tipWhenFilled = tip;
            rejected.Clear();
        }
    }
}
