using Faithcoin.Consensus.Scripting;
using Faithcoin.Consensus.Validation;

namespace Faithcoin.Node.Chain;

/// <summary>
/// Runs a block's script checks on -par threads (Core's CCheckQueue). As in 0.15, several threads report any
/// script failure as <c>block-validation-failed</c> (the queue only says "something failed"); one thread reports the
/// failing input's own <c>mandatory-script-verify-flag-failed (...)</c>.
/// </summary>
public sealed class ScriptVerifier
{
    /// <summary>Core's MAX_SCRIPTCHECK_THREADS.</summary>
    public const int MaxThreads = 16;

    private readonly ParallelOptions parallelOptions;

    public ScriptVerifier(int threads)
    {
        Threads = Math.Clamp(threads, 1, MaxThreads);
        parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = Threads };
    }

    public int Threads { get; }

    /// <summary>-par as 0.15 reads it: 0 means one thread per core, a negative value leaves that many cores free.</summary>
    public static int ThreadsFromParameter(int par, int processorCount)
    {
        var threads = par <= 0 ? par + processorCount : par;
        return Math.Clamp(threads, 1, MaxThreads);
    }

    public ValidationError? Verify(IReadOnlyList<ScriptCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        if (Threads == 1 || checks.Count < 2)
        {
            var error = ScriptCheckRunner.RunSequential(checks);
            return error is null || Threads == 1 ? error : QueueFailure(error);
        }

        ValidationError? first = null;
        var firstIndex = int.MaxValue;
        var gate = new Lock();
        Parallel.For(0, checks.Count, parallelOptions, (i, state) =>
        {
            var error = checks[i].Execute();
            if (error is null)
            {
                return;
            }

            lock (gate)
            {
                if (i < firstIndex)
                {
                    firstIndex = i;
                    first = error;
                }
            }

            state.Stop();
        });
        return first is null ? null : QueueFailure(first);
    }

    private static ValidationError QueueFailure(ValidationError scriptError) =>
        new("block-validation-failed", 100, RejectCode.Invalid, Debug: $"ConnectBlock(): CheckQueue failed: {scriptError}");
}
