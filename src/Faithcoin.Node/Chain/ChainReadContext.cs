using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Deployments;

namespace Faithcoin.Node.Chain;

/// <summary>
/// The chain manager's parts as a reader sees them while holding the writer lock (<see cref="ChainManager.ReadLocked{T}"/>):
/// the block tree, the active chain, the deployment state and the coins cache. Do not keep references past the call.
/// </summary>
public sealed record ChainReadContext(
    BlockIndex Index,
    ActiveChain Active,
    BlockRuleSetProvider RuleSets,
    VersionBitsCache VersionBitsCache,
    CoinsViewCache Coins)
{
    public VersionBitsStateMachine VersionBits(Consensus.Chain.ConsensusParams consensus) => new(consensus, VersionBitsCache);
}
