namespace Faithcoin.Node.Configuration;

/// <summary>
/// A start-up problem in the command line or faithcoin.conf. The daemon prints the message after "Error: "
/// on stderr and exits with code 1, as the original's AppInit does.
/// </summary>
public sealed class ConfigurationException(string message) : Exception(message);
