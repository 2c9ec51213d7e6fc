namespace Faithcoin.Packaging.Tests;

/// <summary>
/// A fact that runs one of the packaging scripts for real. A full run builds images or publishes and emulates
/// arm64 for many minutes, so it only runs when FAITHCOIN_PACKAGING_TESTS=1 is set, and it is reported as skipped,
/// with the reason, on a machine without the tools the script needs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public abstract class PackagingScriptFactAttribute : FactAttribute
{
    public const string EnableVariable = "FAITHCOIN_PACKAGING_TESTS";

    protected PackagingScriptFactAttribute(string script, params string[] tools)
    {
        if (Environment.GetEnvironmentVariable(EnableVariable) != "1")
        {
            Skip = $"{script} runs for many minutes; set {EnableVariable}=1 to run it";
            return;
        }

        var missing = tools.Where(tool => !ToolPath.Exists(tool)).ToArray();
        if (missing.Length > 0)
        {
            Skip = $"{script} needs {string.Join(", ", missing)} on PATH";
        }
    }
}
