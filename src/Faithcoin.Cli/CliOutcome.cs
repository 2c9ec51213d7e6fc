namespace Faithcoin.Cli;

/// <summary>What the client prints (nothing when empty) and its exit code; a non-zero code sends the text to stderr.</summary>
public sealed record CliOutcome(string Text, int ExitCode);
