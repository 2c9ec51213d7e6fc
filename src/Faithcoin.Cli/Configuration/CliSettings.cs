using System.Globalization;

namespace Faithcoin.Cli.Configuration;

/// <summary>
/// The options the client was given, with the original's precedence: on the command line the last value of a
/// name wins; faithcoin.conf only fills names the command line left unset, and there the first value wins.
/// Names are kept without the leading dash.
/// </summary>
public sealed class CliSettings
{
    private readonly Dictionary<string, string> commandLine = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> configFile = new(StringComparer.Ordinal);

    public void SetFromCommandLine(string name, string value) => commandLine[name] = value;

    public void AddFromConfigFile(string name, string value) => configFile.TryAdd(name, value);

    public bool IsSet(string name) => commandLine.ContainsKey(name) || configFile.ContainsKey(name);

    public string? GetString(string name) =>
        commandLine.TryGetValue(name, out var value) ? value : configFile.GetValueOrDefault(name);

    public string GetString(string name, string fallback) => GetString(name) ?? fallback;

    /// <summary>"-name" alone means true, as does any non-zero integer; a word that is not a number is refused.</summary>
    public bool GetBool(string name, bool fallback)
    {
        var value = GetString(name);
        if (value is null)
        {
            return fallback;
        }

        return TryParseBool(value, out var flag)
            ? flag
            : throw new CliConfigurationException($"Error: Invalid value for -{name}: '{value}' (expected 0 or 1)");
    }

    public long GetInt64(string name, long fallback)
    {
        var value = GetString(name);
        if (value is null)
        {
            return fallback;
        }

        return long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new CliConfigurationException($"Error: Invalid value for -{name}: '{value}' (expected a number)");
    }

    public static bool TryParseBool(string value, out bool result)
    {
        if (value.Length == 0)
        {
            result = true;
            return true;
        }

        var parsed = long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number);
        result = parsed && number != 0;
        return parsed;
    }
}
