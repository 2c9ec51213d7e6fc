namespace Faithcoin.Node.Configuration;

/// <summary>
/// The original's InterpretNegativeSetting: "-nofoo" means "-foo=0", and "-nofoo=0" means "-foo=1". Applied to
/// the command line and to faithcoin.conf alike.
/// </summary>
public static class NegatedOption
{
    public static (string Name, string Value) Interpret(string name, string value, ArgSource source)
    {
        if (name.Length <= 2 || !name.StartsWith("no", StringComparison.Ordinal))
        {
            return (name, value);
        }

        var negatedValue = ArgParsing.TryParseBool(value, out var flag)
            ? (flag ? "0" : "1")
            : throw new ConfigurationException($"Invalid value for -{name}: '{value}' (expected 0 or 1) ({source})");
        return (name[2..], negatedValue);
    }
}
