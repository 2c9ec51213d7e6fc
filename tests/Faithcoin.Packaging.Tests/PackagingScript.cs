using System.Diagnostics;
using System.Text;

namespace Faithcoin.Packaging.Tests;

/// <summary>
/// Runs a packaging script from the repository with bash, as a real process, with STRICT=1 (a missing tool is a
/// failure, since the fact attributes have already checked for the tools) and a time limit after which the whole
/// process tree is killed, so a hung daemon or build fails the test instead of hanging it.
/// </summary>
public sealed class PackagingScript(string relativePath, TimeSpan timeLimit)
{
    public ScriptRun Run(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", [RepositoryPaths.Combine(relativePath.Split('/'))])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.Environment["STRICT"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var gate = new object();
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (gate)
                {
                    output.Append(e.Data).Append('\n');
                }
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (gate)
            {
                output.Append($"{relativePath} killed after {timeLimit.TotalMinutes:0} minutes\n");
            }

            return new ScriptRun(relativePath, -1, Snapshot(), clock.Elapsed);
        }

        process.WaitForExit(); // drains the asynchronous readers
        return new ScriptRun(relativePath, process.ExitCode, Snapshot(), clock.Elapsed);

        string Snapshot()
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }
}
