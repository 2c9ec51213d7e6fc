namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>The three histories 0.15 keeps, each with its own decay and confirmation resolution.</summary>
public enum FeeEstimateHorizon
{
    /// <summary>Decay .962 (half-life 18 blocks), targets up to 12 blocks.</summary>
    Short,

    /// <summary>Decay .9952 (half-life 144 blocks), targets up to 48 blocks in periods of 2.</summary>
    Medium,

    /// <summary>Decay .99931 (half-life 1008 blocks), targets up to 1008 blocks in periods of 24.</summary>
    Long,
}
