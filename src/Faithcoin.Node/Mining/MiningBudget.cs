namespace Faithcoin.Node.Mining;

/// <summary>
/// The hashes a generate call may still spend (its maxtries, default 1,000,000), shared by all the blocks it
/// mines. Owned by one call; not thread-safe.
/// </summary>
public sealed class MiningBudget
{
    public const long DefaultMaxTries = 1_000_000;

    public MiningBudget(long maxTries = DefaultMaxTries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTries);
        RemainingTries = maxTries;
    }

    public long RemainingTries { get; private set; }

    public bool IsExhausted => RemainingTries == 0;

    /// <summary>Spends one failed try, as 0.15 counts them (a winning hash costs nothing).</summary>
    internal void SpendOne() => RemainingTries--;
}
