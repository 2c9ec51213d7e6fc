using Faithcoin.Consensus.Chain;

namespace Faithcoin.Consensus.Rules.Deployments;

/// <summary>
/// 0.15's AbstractThresholdConditionChecker: the BIP9 state machine over periods of headers. Every method takes
/// the parent of the block asked about (null for the genesis block), because a block's state depends only on
/// its ancestors. Subclasses say what counts as signalling and when the window opens and closes.
/// </summary>
public abstract class ThresholdConditionChecker
{
    public abstract int Period { get; }

    public abstract int Threshold { get; }

    /// <summary>Median time past at or after which signalling starts.</summary>
    public abstract long StartTime { get; }

    /// <summary>Median time past at or after which an unlocked deployment fails.</summary>
    public abstract long Timeout { get; }

    /// <summary>Whether this header signals for the change.</summary>
    public abstract bool Condition(ChainedHeader header);

    /// <summary>The state of the block whose parent is <paramref name="previous"/>.</summary>
    public ThresholdState GetStateFor(ChainedHeader? previous, ThresholdConditionCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var periodParent = PeriodParent(previous);

        // Walk back a period at a time until a state is known, then replay forward; the cache makes each
        // period's state a one-time computation per branch.
        var toCompute = new Stack<ChainedHeader>();
        ThresholdState state;
        while (true)
        {
            if (periodParent is null)
            {
                state = ThresholdState.Defined;
                break;
            }

            if (cache.TryGet(periodParent, out state))
            {
                break;
            }

            if (periodParent.GetMedianTimePast() < StartTime)
            {
                // Everything before the start time is DEFINED, so there is no need to look further back.
                state = ThresholdState.Defined;
                cache.Set(periodParent, state);
                break;
            }

            toCompute.Push(periodParent);
            periodParent = periodParent.GetAncestor(periodParent.Height - Period);
        }

        while (toCompute.TryPop(out var parent))
        {
            state = Next(state, parent);
            cache.Set(parent, state);
        }

        return state;
    }

    /// <summary>The height of the first block that had the state the block after <paramref name="previous"/> has.</summary>
    public int GetStateSinceHeightFor(ChainedHeader? previous, ThresholdConditionCache cache)
    {
        var initialState = GetStateFor(previous, cache);

        // BIP9: the genesis block is DEFINED, so a DEFINED state has held since height 0.
        if (initialState == ThresholdState.Defined)
        {
            return 0;
        }

        // Not DEFINED means previous is a real header past the first period, so these ancestors exist.
        var periodParent = PeriodParent(previous)!;
        var earlierParent = periodParent.GetAncestor(periodParent.Height - Period);
        while (earlierParent is not null && GetStateFor(earlierParent, cache) == initialState)
        {
            periodParent = earlierParent;
            earlierParent = periodParent.GetAncestor(periodParent.Height - Period);
        }

        return periodParent.Height + 1;
    }

    /// <summary>Signalling so far in the period that contains <paramref name="tip"/> (tip included).</summary>
    public Bip9Statistics GetStatisticsFor(ChainedHeader? tip)
    {
        if (tip is null)
        {
            return new Bip9Statistics(Period, Threshold, 0, 0, false);
        }

        var endOfPreviousPeriod = tip.GetAncestor(tip.Height - ((tip.Height + 1) % Period));
        var endHeight = endOfPreviousPeriod?.Height ?? -1;
        var elapsed = tip.Height - endHeight;
        var count = 0;
        for (var header = tip; header is not null && header.Height != endHeight; header = header.Previous)
        {
            if (Condition(header))
            {
                count++;
            }
        }

        var possible = Period - Threshold >= elapsed - count;
        return new Bip9Statistics(Period, Threshold, elapsed, count, possible);
    }

    /// <summary>The last header of the period before the one the block after <paramref name="previous"/> is in.</summary>
    private ChainedHeader? PeriodParent(ChainedHeader? previous) =>
        previous?.GetAncestor(previous.Height - ((previous.Height + 1) % Period));

    private ThresholdState Next(ThresholdState state, ChainedHeader periodParent)
    {
        switch (state)
        {
            case ThresholdState.Defined:
                var time = periodParent.GetMedianTimePast();
                if (time >= Timeout)
                {
                    return ThresholdState.Failed;
                }

                return time >= StartTime ? ThresholdState.Started : ThresholdState.Defined;

            case ThresholdState.Started:
                if (periodParent.GetMedianTimePast() >= Timeout)
                {
                    return ThresholdState.Failed;
                }

                return CountSignals(periodParent) >= Threshold ? ThresholdState.LockedIn : ThresholdState.Started;

            case ThresholdState.LockedIn:
                return ThresholdState.Active;

            default:
                return state;
        }
    }

    private int CountSignals(ChainedHeader lastOfPeriod)
    {
        var count = 0;
        var header = lastOfPeriod;
        for (var i = 0; i < Period && header is not null; i++, header = header.Previous)
        {
            if (Condition(header))
            {
                count++;
            }
        }

        return count;
    }
}
