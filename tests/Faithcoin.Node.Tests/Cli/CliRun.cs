namespace Faithcoin.Node.Tests.Cli;

/// <summary>One finished faithcoin-cli process: its exit code and everything it printed.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr);
