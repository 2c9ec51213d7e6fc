using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Scripting;
using Faithcoin.Consensus.Validation;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>
/// The outcome of connecting a block. When <see cref="Error"/> is null every rule but the scripts has passed and
/// the view holds the block's effects; the block is valid only once all <see cref="ScriptChecks"/> pass too, so
/// the caller runs them (on as many threads as it likes) before it keeps the view.
/// </summary>
public sealed class ConnectBlockResult
{
    private ConnectBlockResult(ValidationError? error, BlockUndo? undo, IReadOnlyList<ScriptCheck> scriptChecks, long fees)
    {
        Error = error;
        Undo = undo;
        ScriptChecks = scriptChecks;
        Fees = fees;
    }

    public ValidationError? Error { get; }

    public BlockUndo? Undo { get; }

    public IReadOnlyList<ScriptCheck> ScriptChecks { get; }

    public long Fees { get; }

    public static ConnectBlockResult Failed(ValidationError error) => new(error, null, [], 0);

    public static ConnectBlockResult Connected(BlockUndo undo, IReadOnlyList<ScriptCheck> scriptChecks, long fees) =>
        new(null, undo, scriptChecks, fees);

    /// <summary>The final verdict with the scripts run on this thread: the first error, or null for a valid block.</summary>
    public ValidationError? VerifySequentially() => Error ?? ScriptCheckRunner.RunSequential(ScriptChecks);
}
