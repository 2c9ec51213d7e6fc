namespace Faithcoin.Packaging.Tests;

/// <summary>packaging/run-arm64-qemu.sh, run once for the whole class: publish for linux-arm64, then run it under qemu.</summary>
public sealed class Arm64QemuRun : IDisposable
{
    private readonly string outputDirectory = Directory.CreateTempSubdirectory("faithcoin-arm64-publish-").FullName;
    private readonly Lazy<ScriptRun> run;

    public Arm64QemuRun()
    {
        var script = new PackagingScript("packaging/run-arm64-qemu.sh", TimeSpan.FromMinutes(30));
        run = new Lazy<ScriptRun>(() => script.Run(new Dictionary<string, string>
        {
            ["OUT"] = outputDirectory,
            ["TIME_LIMIT"] = "1500",
        }));
    }

    public ScriptRun Run => run.Value;

    public void Dispose() => Directory.Delete(outputDirectory, recursive: true);
}
