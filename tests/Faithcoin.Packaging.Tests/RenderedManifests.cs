using System.Diagnostics;
using System.Text.Json;

namespace Faithcoin.Packaging.Tests;

/// <summary>
/// Runs k8s/validate.sh once (kustomize every kustomization, validate every object against the Kubernetes
/// schemas) and keeps the rendered objects of each kustomization for the assertions.
/// </summary>
public sealed class RenderedManifests : IDisposable
{
    private readonly string outputDirectory = Directory.CreateTempSubdirectory("faithcoin-k8s-").FullName;
    private readonly Lazy<ValidationRun> run;

    public RenderedManifests() => run = new Lazy<ValidationRun>(Validate);

    public ValidationRun Run => run.Value;

    public void Dispose() => Directory.Delete(outputDirectory, recursive: true);

    private ValidationRun Validate()
    {
        var start = new ProcessStartInfo("bash", [RepositoryPaths.Combine("k8s", "validate.sh"), outputDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("k8s/validate.sh did not finish within 5 minutes");
        }

        var output = stdout.Result + stderr.Result;
        var kustomizations = new Dictionary<string, IReadOnlyList<JsonElement>>(StringComparer.Ordinal);
        var jsonDirectory = Path.Combine(outputDirectory, "json");
        if (Directory.Exists(jsonDirectory))
        {
            foreach (var file in Directory.GetFiles(jsonDirectory, "*.json"))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                kustomizations[Path.GetFileNameWithoutExtension(file)] =
                    document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
            }
        }

        return new ValidationRun(process.ExitCode, output, kustomizations);
    }
}

public sealed record ValidationRun(int ExitCode, string Output, IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> Kustomizations)
{
    public IReadOnlyList<JsonElement> Objects(string kustomization) =>
        Kustomizations.TryGetValue(kustomization, out var objects)
            ? objects
            : throw new Xunit.Sdk.XunitException($"k8s/{kustomization.Replace('-', '/')} was not rendered:\n{Output}");

    public JsonElement Single(string kustomization, string kind, string name) =>
        Objects(kustomization).Single(o => o.GetProperty("kind").GetString() == kind
            && o.GetProperty("metadata").GetProperty("name").GetString() == name);

    public JsonElement? Find(string kustomization, string kind, string name) =>
        Objects(kustomization).Where(o => o.GetProperty("kind").GetString() == kind
            && o.GetProperty("metadata").GetProperty("name").GetString() == name).Cast<JsonElement?>().FirstOrDefault();
}
