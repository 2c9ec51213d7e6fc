using Faithcoin.Consensus.Chain;

namespace Faithcoin.Consensus.Rules.Headers;

/// <summary>
/// The chain around a header being checked (the arguments of 0.15's ContextualCheckBlockHeader), gathered by the
/// caller so the rules stay pure.
/// </summary>
/// <param name="Previous">The parent header; Core never checks the genesis header contextually.</param>
/// <param name="AdjustedTime">The node's network-adjusted clock, in Unix seconds.</param>
/// <param name="LastCheckpoint">
/// The highest checkpoint already in the block index (see <see cref="Headers.LastCheckpoint"/>), or null when
/// there is none or checkpoints are disabled.
/// </param>
public sealed record HeaderRuleContext(
    ChainedHeader Previous,
    ConsensusParams Consensus,
    long AdjustedTime,
    ChainedHeader? LastCheckpoint)
{
    public int Height => Previous.Height + 1;
}
