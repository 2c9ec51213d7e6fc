using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Scripting;

/// <summary>
/// One input's script verification (Core's CScriptCheck): self-contained and read-only over its transaction,
/// so a caller may run any number of them on any threads, in any order.
/// </summary>
public sealed class ScriptCheck
{
    private readonly PrecomputedTransactionData? precomputed;

    public ScriptCheck(
        Transaction transaction,
        int inputIndex,
        TxOut spentOutput,
        ScriptVerify flags,
        PrecomputedTransactionData? precomputed)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(spentOutput);
        Transaction = transaction;
        InputIndex = inputIndex;
        SpentOutput = spentOutput;
        Flags = flags;
        this.precomputed = precomputed;
    }

    public Transaction Transaction { get; }

    public int InputIndex { get; }

    public TxOut SpentOutput { get; }

    public ScriptVerify Flags { get; }

    /// <summary>
    /// Runs the input's scripts; null when they pass. A failure that disappears once the soft-fork
    /// (standard-not-mandatory) flags are dropped is reported as 0.15 does: REJECT_NONSTANDARD with no DoS score.
    /// </summary>
    public ValidationError? Execute()
    {
        var error = Verify(Flags);
        if (error == ScriptError.OK)
        {
            return null;
        }

        var message = ScriptErrorText.CoreMessage(error);
        if ((Flags & ScriptFlagSets.StandardNotMandatory) != 0 &&
            Verify(Flags & ~ScriptFlagSets.StandardNotMandatory) == ScriptError.OK)
        {
            return new ValidationError(
                $"non-mandatory-script-verify-flag ({message})", 0, RejectCode.Nonstandard, Debug: DebugText());
        }

        return new ValidationError($"mandatory-script-verify-flag-failed ({message})", 100, Debug: DebugText());
    }

    /// <summary>The interpreter's verdict with the given flags; OK when the scripts pass.</summary>
    public ScriptError Verify(ScriptVerify flags)
    {
        if (StandardInputVerifier.TryVerify(Transaction, InputIndex, SpentOutput, flags, precomputed))
        {
            return ScriptError.OK;
        }

        var input = Transaction.Inputs[InputIndex];
        var checker = precomputed is null
            ? new TransactionChecker(Transaction, InputIndex, SpentOutput)
            : new TransactionChecker(Transaction, InputIndex, SpentOutput, precomputed);
        var context = new ScriptEvaluationContext { ScriptVerify = flags };
        return context.VerifyScript(input.ScriptSig, input.WitScript, SpentOutput.ScriptPubKey, checker)
            ? ScriptError.OK
            : context.Error == ScriptError.OK ? ScriptError.UnknownError : context.Error;
    }

    private string DebugText() => $"input {InputIndex} of {Transaction.GetHash()}";
}
