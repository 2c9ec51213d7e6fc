using Faithcoin.Node.Mempool.Policy;

namespace Faithcoin.Node.Mempool;

/// <summary>
/// The package limits of -limitancestorcount, -limitancestorsize (kB), -limitdescendantcount and
/// -limitdescendantsize (kB); sizes here are in virtual bytes. Defaults are 0.15's.
/// </summary>
public sealed record MempoolLimits(int AncestorCount = 25, long AncestorSize = 101_000, int DescendantCount = 25, long DescendantSize = 101_000)
{
    /// <summary>No limits: re-adding transactions after a reorganisation must not fail on package size (0.15 does the same).</summary>
    public static MempoolLimits None { get; } = new(int.MaxValue, long.MaxValue, int.MaxValue, long.MaxValue);

    public static MempoolLimits From(PolicySettings policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new((int)policy.AncestorLimit, policy.AncestorSizeLimitKb * 1000, (int)policy.DescendantLimit, policy.DescendantSizeLimitKb * 1000);
    }
}
