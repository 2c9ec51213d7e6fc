namespace Faithcoin.Cli.Configuration;

/// <summary>A command line or faithcoin.conf the client cannot work with; the message is the whole line printed on stderr, exit code 1.</summary>
public sealed class CliConfigurationException(string message) : Exception(message);
