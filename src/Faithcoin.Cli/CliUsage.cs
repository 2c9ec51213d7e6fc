namespace Faithcoin.Cli;

/// <summary>The -version and -help texts of the original client (HelpMessageCli), for faithcoin.</summary>
public static class CliUsage
{
    public const string PackageName = "Faithcoin Core";

    /// <summary>The version of the node release the client belongs to (faithcoind's ClientVersion.FullVersion).</summary>
    public const string FullVersion = "v0.15.0.1";

    public const int DefaultClientTimeoutSeconds = 900;

    public static string Banner => $"{PackageName} RPC client version {FullVersion}\n";

    public static string Help =>
        Banner + "\n" +
        "Usage:\n" +
        $"  faithcoin-cli [options] <command> [params]  Send command to {PackageName}\n" +
        $"  faithcoin-cli [options] -named <command> [name=value] ... Send command to {PackageName} (with named arguments)\n" +
        "  faithcoin-cli [options] help                List commands\n" +
        "  faithcoin-cli [options] help <command>      Get help for a command\n" +
        "\n" +
        "Options:\n" +
        "\n" +
        Option("-?", "This help message") +
        Option("-conf=<file>", "Specify configuration file (default: faithcoin.conf)") +
        Option("-datadir=<dir>", "Specify data directory") +
        "Chain selection options:\n" +
        "\n" +
        Option("-testnet", "Use the test chain") +
        Option(
            "-regtest",
            "Enter regression test mode, which uses a special chain in which blocks can be solved instantly. " +
            "This is intended for regression testing tools and app development.") +
        Option("-named", "Pass named instead of positional arguments (default: false)") +
        Option("-rpcconnect=<ip>", "Send commands to node running on <ip> (default: 127.0.0.1)") +
        Option("-rpcport=<port>", "Connect to JSON-RPC on <port> (default: 9332 or testnet: 19332)") +
        Option("-rpcwait", "Wait for RPC server to start") +
        Option("-rpcuser=<user>", "Username for JSON-RPC connections") +
        Option("-rpcpassword=<pw>", "Password for JSON-RPC connections") +
        Option("-rpcclienttimeout=<n>", $"Timeout during HTTP requests (default: {DefaultClientTimeoutSeconds})") +
        Option(
            "-stdin",
            "Read extra arguments from standard input, one per line until EOF/Ctrl-D " +
            "(recommended for sensitive information such as passphrases)") +
        Option(
            "-rpcwallet=<walletname>",
            "Send RPC for non-default wallet on RPC server (argument is wallet filename in faithcoind directory, " +
            "required if faithcoind/-Qt runs with multiple wallets)");

    private const int MessageIndent = 7;
    private const int ScreenWidth = 79;

    /// <summary>HelpMessageOpt: the option indented by 2, its text wrapped (FormatParagraph) and indented by 7, a blank line after.</summary>
    private static string Option(string option, string message) =>
        "  " + option + "\n" +
        string.Concat(Wrap(message, ScreenWidth - MessageIndent).Select(line => new string(' ', MessageIndent) + line + "\n")) +
        "\n";

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = string.Empty;
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        yield return line;
    }
}
