namespace Faithcoin.Cli.Configuration;

/// <summary>InterpretNegativeSetting: "-nofoo" is "-foo=0" and "-nofoo=0" is "-foo=1", on the command line and in the file.</summary>
internal static class NegatedOption
{
    public static (string Name, string Value) Interpret(string name, string value)
    {
        if (name.Length <= 2 || !name.StartsWith("no", StringComparison.Ordinal))
        {
            return (name, value);
        }

        return CliSettings.TryParseBool(value, out var flag)
            ? (name[2..], flag ? "0" : "1")
            : throw new CliConfigurationException($"Error: Invalid value for -{name}: '{value}' (expected 0 or 1)");
    }
}
