using Faithcoin.Consensus.Validation;

namespace Faithcoin.Consensus.Scripting;

/// <summary>
/// Runs script checks one after another on the calling thread. Callers that want parallelism partition the
/// list themselves (the checks are independent) and keep the error of the lowest index for a stable verdict.
/// </summary>
public static class ScriptCheckRunner
{
    public static ValidationError? RunSequential(IReadOnlyList<ScriptCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        foreach (var check in checks)
        {
            var error = check.Execute();
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }
}
