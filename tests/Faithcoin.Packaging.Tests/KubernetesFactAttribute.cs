namespace Faithcoin.Packaging.Tests;

/// <summary>
/// A fact that needs kubectl (for kustomize), node and npm (for the schema validation); it is reported as
/// skipped, with the reason, on a machine without them.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KubernetesFactAttribute : FactAttribute
{
    public KubernetesFactAttribute()
    {
        var missing = new[] { "kubectl", "node", "npm", "bash" }.Where(tool => !ToolPath.Exists(tool)).ToArray();
        if (missing.Length > 0)
        {
            Skip = $"k8s/validate.sh needs {string.Join(", ", missing)} on PATH (kubectl for kustomize, node and npm for the schema validation)";
        }
    }
}

internal static class ToolPath
{
    public static bool Exists(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
