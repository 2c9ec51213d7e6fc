namespace Faithcoin.Node.Configuration;

/// <summary>
/// Reads faithcoin.conf the way the original's boost config-file parser does: "name = value" lines, with
/// anything after '#' a comment (even inside a value) and surrounding blanks trimmed. Values are added
/// with <see cref="ArgsStore.AddFromConfigFile"/>, so the command line keeps precedence.
/// 0.15 has no network sections: boost silently turned "[main]" into a "main." prefix so the settings below
/// it were ignored. Such a line is refused here, with its file and line, rather than dropping settings.
/// </summary>
public static class ConfigFileReader
{
    public static void ReadInto(ArgsStore store, string path)
    {
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            ReadLine(store, lines[i], ArgSource.ConfigLine(path, i + 1));
        }
    }

    public static void ReadInto(ArgsStore store, string displayPath, TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            ReadLine(store, line, ArgSource.ConfigLine(displayPath, number));
        }
    }

    private static void ReadLine(ArgsStore store, string line, ArgSource source)
    {
        var comment = line.IndexOf('#', StringComparison.Ordinal);
        var text = (comment >= 0 ? line[..comment] : line).Trim();
        if (text.Length == 0)
        {
            return;
        }

        if (text.StartsWith('['))
        {
            throw new ConfigurationException(
                $"{source}: sections such as '{text}' are not supported in faithcoin.conf; " +
                "use -testnet/-regtest (or testnet=1/regtest=1) and per-network files instead");
        }

        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            throw new ConfigurationException($"{source}: invalid line '{text}' (expected name=value)");
        }

        var name = text[..equals].Trim();
        var value = text[(equals + 1)..].Trim();
        if (name.Length == 0)
        {
            throw new ConfigurationException($"{source}: invalid line '{text}' (missing option name)");
        }

        if (name.StartsWith('-'))
        {
            throw new ConfigurationException(
                $"{source}: option names in faithcoin.conf are written without a leading '-': '{text}'");
        }

        (name, value) = NegatedOption.Interpret(name, value, source);
        store.AddFromConfigFile(name, value, source);
    }
}
