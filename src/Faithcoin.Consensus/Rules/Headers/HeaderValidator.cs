using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Headers;

/// <summary>
/// 0.15's CheckBlockHeader and ContextualCheckBlockHeader, with the rules in Core's order so the first failure
/// reported (and so the reject reason and DoS score a peer sees) is the same as the original's.
/// Linking to the parent (prev-blk-not-found, bad-prevblk) stays with the block index, which owns that state.
/// </summary>
public sealed class HeaderValidator
{
    private readonly ConsensusParams consensus;
    private readonly IBlockIndexLookup blockIndex;
    private readonly bool checkpointsEnabled;
    private readonly ProofOfWorkRule proofOfWork = new();
    private readonly IReadOnlyList<IContextualHeaderRule> contextualRules;

    /// <param name="checkpointsEnabled">The -checkpoints option (default on); off, no fork is refused for being below one.</param>
    public HeaderValidator(ConsensusParams consensus, IBlockIndexLookup blockIndex, bool checkpointsEnabled = true)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        ArgumentNullException.ThrowIfNull(blockIndex);
        this.consensus = consensus;
        this.blockIndex = blockIndex;
        this.checkpointsEnabled = checkpointsEnabled;
        contextualRules =
        [
            new DifficultyBitsRule(),
            new CheckpointForkRule(),
            new MedianTimePastRule(),
            new FutureTimeRule(),
            new ObsoleteVersionRule(),
        ];
    }

    /// <summary>
    /// The context-free check. <paramref name="checkProofOfWork"/> false skips the scrypt hash, as Core's fCheckPOW
    /// does for blocks the node assembled itself (TestBlockValidity) and for tests.
    /// </summary>
    public ValidationError? CheckBlockHeader(BlockHeader header, bool checkProofOfWork = true)
    {
        ArgumentNullException.ThrowIfNull(header);
        return checkProofOfWork ? proofOfWork.Check(header, consensus) : null;
    }

    /// <summary>The checks that need the parent, the node's adjusted clock and the known checkpoints.</summary>
    public ValidationError? ContextualCheckBlockHeader(BlockHeader header, ChainedHeader previous, long adjustedTime)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(previous);
        var lastCheckpoint = checkpointsEnabled ? LastCheckpoint.Find(consensus, blockIndex) : null;
        var context = new HeaderRuleContext(previous, consensus, adjustedTime, lastCheckpoint);
        foreach (var rule in contextualRules)
        {
            var error = rule.Check(header, context);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>Both checks, in the order AcceptBlockHeader runs them.</summary>
    public ValidationError? Validate(BlockHeader header, ChainedHeader previous, long adjustedTime, bool checkProofOfWork = true) =>
        CheckBlockHeader(header, checkProofOfWork) ?? ContextualCheckBlockHeader(header, previous, adjustedTime);
}
