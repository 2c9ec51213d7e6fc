using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Deployments;

namespace Faithcoin.Node.Notifications;

/// <summary>
/// 0.15's WarningBitsConditionChecker: BIP9 over one version bit no known deployment uses at that block, always
/// open (start 0, no timeout), so enough signalling blocks lock in and activate "unknown rules".
/// </summary>
public sealed class WarningBitsChecker(int bit, ConsensusParams consensus, VersionBitsStateMachine known) : ThresholdConditionChecker
{
    public override int Period => consensus.MinerConfirmationWindow;

    public override int Threshold => consensus.RuleChangeActivationThreshold;

    public override long StartTime => 0;

    public override long Timeout => long.MaxValue;

    public override bool Condition(ChainedHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return (header.Version & VersionBitsStateMachine.TopMask) == VersionBitsStateMachine.TopBits
               && ((header.Version >> bit) & 1) != 0
               && ((known.ComputeBlockVersion(header.Previous) >> bit) & 1) == 0;
    }
}
