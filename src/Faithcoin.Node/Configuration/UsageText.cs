using System.Text;

namespace Faithcoin.Node.Configuration;

/// <summary>The -help and -version texts, laid out like the original's HelpMessage.</summary>
public sealed class UsageText(OptionCatalog catalog)
{
    private const int MessageIndent = 7;
    private const int ScreenWidth = 79;

    public static string Version() =>
        ClientVersion.DaemonBanner + "\n\n" +
        "faithcoind in .NET: a full node for the faithcoin network (Litecoin Core 0.15 rules).\n";

    public string Help(bool showDebug = false)
    {
        var text = new StringBuilder();
        text.Append(ClientVersion.DaemonBanner).Append("\n\n");
        text.Append("Usage:\n");
        text.Append("  faithcoind [options]                     Start ").Append(ClientVersion.PackageName).Append(" Daemon\n");
        foreach (var group in catalog.Listed(showDebug).GroupBy(o => o.Group).OrderBy(g => g.Key))
        {
            text.Append('\n').Append(Heading(group.Key)).Append("\n\n");
            foreach (var option in group.Where(o => o.Name is not ("h" or "help")).OrderBy(ListOrder).ThenBy(o => o.Name, StringComparer.Ordinal))
            {
                text.Append("  ").Append(option.Synopsis).Append('\n');
                foreach (var line in Wrap(option.Help!, ScreenWidth - MessageIndent))
                {
                    text.Append(' ', MessageIndent).Append(line).Append('\n');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    // 0.15 opens "Options:" with -? and -version; the rest of each group is alphabetical.
    private static int ListOrder(OptionDescriptor option) => option.Name switch
    {
        "?" => 0,
        "version" => 1,
        _ => 2,
    };

    private static string Heading(OptionGroup group) => group switch
    {
        OptionGroup.General => "Options:",
        OptionGroup.Connection => "Connection options:",
        OptionGroup.Debugging => "Debugging/Testing options:",
        OptionGroup.ChainSelection => "Chain selection options:",
        OptionGroup.NodeRelay => "Node relay options:",
        OptionGroup.BlockCreation => "Block creation options:",
        OptionGroup.RpcServer => "RPC server options:",
        OptionGroup.Wallet => "Wallet options:",
        _ => "ZeroMQ notification options:",
    };

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
