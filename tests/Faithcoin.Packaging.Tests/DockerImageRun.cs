namespace Faithcoin.Packaging.Tests;

/// <summary>
/// docker/build-and-test.sh, run once for the whole class: it builds both images and runs each (arm64 under qemu)
/// the way Kubernetes does. ARCHES from the environment narrows it (default "amd64 arm64").
/// </summary>
public sealed class DockerImageRun
{
    private readonly Lazy<ScriptRun> run;

    public DockerImageRun()
    {
        Arches = (Environment.GetEnvironmentVariable("ARCHES") ?? "amd64 arm64").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var script = new PackagingScript("docker/build-and-test.sh", TimeSpan.FromMinutes(50));
        run = new Lazy<ScriptRun>(() => script.Run(new Dictionary<string, string>
        {
            ["ARCHES"] = string.Join(' ', Arches),
            ["RUN_ARM64"] = "1",
        }));
    }

    public IReadOnlyList<string> Arches { get; }

    public ScriptRun Run => run.Value;
}
