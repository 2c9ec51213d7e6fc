using System.Text.RegularExpressions;

namespace Faithcoin.Packaging.Tests;

/// <summary>What a packaging script left behind: its exit code and its standard output and error, interleaved.</summary>
public sealed record ScriptRun(string Script, int ExitCode, string Output, TimeSpan Duration)
{
    /// <summary>The last lines, enough to see why a run failed without drowning the test report.</summary>
    public string Tail => string.Join('\n', Output.Split('\n').TakeLast(60));

    public void AssertSucceeded()
    {
        Assert.True(ExitCode == 0, $"{Script} exited {ExitCode} after {Duration:mm\\:ss}:\n{Tail}");
        Assert.DoesNotContain(" FAILED: ", Output, StringComparison.Ordinal);
    }

    /// <summary>The first line matching <paramref name="pattern"/>; fails with the output's tail when none does.</summary>
    public Match Line(string pattern)
    {
        var match = Regex.Match(Output, pattern, RegexOptions.Multiline);
        Assert.True(match.Success, $"{Script}: no line matches /{pattern}/:\n{Tail}");
        return match;
    }

    public void AssertNothingSkipped()
    {
        var skipped = Output.Split('\n').Where(line => line.Contains(" SKIPPED: ", StringComparison.Ordinal)).ToArray();
        Assert.True(skipped.Length == 0, $"{Script} skipped steps:\n{string.Join('\n', skipped)}");
    }
}
