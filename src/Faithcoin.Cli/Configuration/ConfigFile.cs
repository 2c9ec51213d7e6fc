namespace Faithcoin.Cli.Configuration;

/// <summary>
/// faithcoin.conf read the way faithcoind reads it: "name=value" lines, '#' starts a comment anywhere, blanks
/// around names and values trimmed. Lines faithcoind refuses ("[section]", a line without '=') are refused here
/// too, so the client never quietly uses other settings than the daemon.
/// </summary>
public static class ConfigFile
{
    public static void ReadInto(CliSettings settings, string path)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliConfigurationException($"Error reading configuration file: {e.Message}");
        }

        for (var i = 0; i < lines.Length; i++)
        {
            ReadLine(settings, lines[i], $"{path}:{i + 1}");
        }
    }

    private static void ReadLine(CliSettings settings, string line, string where)
    {
        var comment = line.IndexOf('#', StringComparison.Ordinal);
        var text = (comment >= 0 ? line[..comment] : line).Trim();
        if (text.Length == 0)
        {
            return;
        }

        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (text.StartsWith('[') || equals <= 0 || text.StartsWith('-'))
        {
            throw new CliConfigurationException($"Error reading configuration file: {where}: invalid line '{text}'");
        }

        var (name, value) = NegatedOption.Interpret(text[..equals].Trim(), text[(equals + 1)..].Trim());
        settings.AddFromConfigFile(name, value);
    }
}
