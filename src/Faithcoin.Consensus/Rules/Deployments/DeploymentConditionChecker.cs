using Faithcoin.Consensus.Chain;

namespace Faithcoin.Consensus.Rules.Deployments;

/// <summary>
/// 0.15's VersionBitsConditionChecker: a header signals for a deployment when its version uses the BIP9 top bits
/// (001 in the three highest) and has the deployment's bit set.
/// </summary>
public sealed class DeploymentConditionChecker : ThresholdConditionChecker
{
    private readonly Bip9Deployment deployment;
    private readonly ConsensusParams consensus;

    public DeploymentConditionChecker(Bip9Deployment deployment, ConsensusParams consensus)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(consensus);
        this.deployment = deployment;
        this.consensus = consensus;
    }

    public override int Period => consensus.MinerConfirmationWindow;

    public override int Threshold => consensus.RuleChangeActivationThreshold;

    public override long StartTime => deployment.StartTime;

    public override long Timeout => deployment.Timeout;

    public int Mask => VersionBitsStateMachine.Mask(deployment);

    public override bool Condition(ChainedHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return (header.Version & VersionBitsStateMachine.TopMask) == VersionBitsStateMachine.TopBits &&
               (header.Version & Mask) != 0;
    }
}
