using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Headers;

/// <summary>
/// bad-fork-prior-to-checkpoint: once a checkpoint block is in the index, no header may fork off below it.
/// There is deliberately no check that the block at a checkpoint height has the checkpoint's hash (0.15 has none).
/// </summary>
public sealed class CheckpointForkRule : IContextualHeaderRule
{
    public ValidationError? Check(BlockHeader header, HeaderRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checkpoint = context.LastCheckpoint;
        return checkpoint is not null && context.Height < checkpoint.Height
            ? new ValidationError("bad-fork-prior-to-checkpoint", 100, RejectCode.Checkpoint)
            : null;
    }
}
