using Faithcoin.Consensus.Chain;

namespace Faithcoin.Consensus.Rules.Deployments;

/// <summary>
/// The BIP9 state of faithcoin's deployments (csv, segwit, testdummy) for the block after a given header, with
/// the since-height and signalling statistics RPC reports and the block version miners should use.
/// Results are memoised in the caller's <see cref="VersionBitsCache"/>.
/// </summary>
public sealed class VersionBitsStateMachine
{
    /// <summary>The version's three top bits must be 001 for any bit to count as a signal.</summary>
    public const int TopBits = 0x20000000;

    public const int TopMask = unchecked((int)0xE0000000);

    private readonly ConsensusParams consensus;
    private readonly VersionBitsCache cache;

    public VersionBitsStateMachine(ConsensusParams consensus, VersionBitsCache cache)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        ArgumentNullException.ThrowIfNull(cache);
        this.consensus = consensus;
        this.cache = cache;
    }

    public static int Mask(Bip9Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return 1 << deployment.Bit;
    }

    /// <summary>The state of <paramref name="deployment"/> for the block whose parent is <paramref name="previous"/>.</summary>
    public ThresholdState GetState(ChainedHeader? previous, DeploymentId deployment) =>
        Checker(deployment).GetStateFor(previous, cache.For(deployment));

    /// <summary>The first height at which the state <see cref="GetState"/> returns began.</summary>
    public int GetStateSinceHeight(ChainedHeader? previous, DeploymentId deployment) =>
        Checker(deployment).GetStateSinceHeightFor(previous, cache.For(deployment));

    /// <summary>Signalling in the period that contains <paramref name="tip"/>, tip included.</summary>
    public Bip9Statistics GetStatistics(ChainedHeader? tip, DeploymentId deployment) =>
        Checker(deployment).GetStatisticsFor(tip);

    public bool IsActive(ChainedHeader? previous, DeploymentId deployment) =>
        GetState(previous, deployment) == ThresholdState.Active;

    /// <summary>
    /// The version a block built on <paramref name="previous"/> should carry: the BIP9 top bits plus the bit of
    /// every deployment that is STARTED or LOCKED_IN (0.15's ComputeBlockVersion).
    /// </summary>
    public int ComputeBlockVersion(ChainedHeader? previous)
    {
        var version = TopBits;
        foreach (var deployment in consensus.Deployments)
        {
            var state = GetState(previous, deployment.Id);
            if (state is ThresholdState.Started or ThresholdState.LockedIn)
            {
                version |= Mask(deployment);
            }
        }

        return version;
    }

    private DeploymentConditionChecker Checker(DeploymentId deployment) =>
        new(consensus.GetDeployment(deployment), consensus);
}
