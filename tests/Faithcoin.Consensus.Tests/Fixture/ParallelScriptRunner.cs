using Faithcoin.Consensus.Scripting;
using Faithcoin.Consensus.Validation;

namespace Faithcoin.Consensus.Tests.Fixture;

/// <summary>
/// What a caller of the consensus library does with the script checks: spread them over threads and report the
/// failure with the lowest index, so the verdict does not depend on scheduling.
/// </summary>
internal static class ParallelScriptRunner
{
    public static ValidationError? Run(IReadOnlyList<ScriptCheck> checks)
    {
        var errors = new ValidationError?[checks.Count];
        Parallel.For(0, checks.Count, i => errors[i] = checks[i].Execute());
        return errors.FirstOrDefault(e => e is not null);
    }
}
