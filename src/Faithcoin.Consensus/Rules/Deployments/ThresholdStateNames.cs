namespace Faithcoin.Consensus.Rules.Deployments;

/// <summary>The status strings getblockchaininfo's bip9_softforks and getblocktemplate print.</summary>
public static class ThresholdStateNames
{
    public static string Of(ThresholdState state) => state switch
    {
        ThresholdState.Defined => "defined",
        ThresholdState.Started => "started",
        ThresholdState.LockedIn => "locked_in",
        ThresholdState.Active => "active",
        ThresholdState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
