namespace Faithcoin.Consensus.Rules.Deployments;

/// <summary>The BIP9 states of one deployment for one block; every block of a signalling period shares its state.</summary>
public enum ThresholdState
{
    /// <summary>Before the start time; the genesis block is by definition in this state.</summary>
    Defined,

    /// <summary>Past the start time: blocks signal and each period is counted.</summary>
    Started,

    /// <summary>A period reached the threshold; the next period activates.</summary>
    LockedIn,

    /// <summary>The rules are enforced, for good.</summary>
    Active,

    /// <summary>The timeout passed before lock-in, for good.</summary>
    Failed,
}
