using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Deployments;

namespace Faithcoin.Node.Mining;

/// <summary>A deployment's BIP9 state for the block being templated.</summary>
public sealed record DeploymentStatus(Bip9Deployment Deployment, ThresholdState State)
{
    /// <summary>Every deployment of <paramref name="consensus"/>, in parameter order, for the block after <paramref name="previous"/>.</summary>
    public static IReadOnlyList<DeploymentStatus> For(ConsensusParams consensus, VersionBitsStateMachine versionBits, ChainedHeader previous)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        ArgumentNullException.ThrowIfNull(versionBits);
        return consensus.Deployments.Select(d => new DeploymentStatus(d, versionBits.GetState(previous, d.Id))).ToList();
    }
}
