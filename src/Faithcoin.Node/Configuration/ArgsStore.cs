namespace Faithcoin.Node.Configuration;

/// <summary>
/// The raw settings, with the original ArgsManager's precedence: on the command line the last value of a name
/// wins; faithcoin.conf only sets names the command line did not, and there the first value wins; every value
/// of every name is also kept in order (command line first) for the options that take several values.
/// Names are stored without the leading dash.
/// </summary>
public sealed class ArgsStore
{
    private readonly Dictionary<string, ArgValue> effective = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ArgValue>> all = new(StringComparer.Ordinal);
    private readonly List<string> unexpectedTokens = [];

    public IEnumerable<string> Names => all.Keys;

    /// <summary>Command-line words that are not options; the daemon refuses to start with them.</summary>
    public IReadOnlyList<string> UnexpectedTokens => unexpectedTokens;

    public void AddFromCommandLine(string name, string value)
    {
        var arg = new ArgValue(name, value, ArgSource.CommandLine);
        effective[name] = arg;
        Append(arg);
    }

    public void AddFromConfigFile(string name, string value, ArgSource source)
    {
        var arg = new ArgValue(name, value, source);
        effective.TryAdd(name, arg);
        Append(arg);
    }

    public void AddUnexpectedToken(string token) => unexpectedTokens.Add(token);

    public bool IsSet(string name) => effective.ContainsKey(name);

    public bool IsSetOnCommandLine(string name) =>
        effective.TryGetValue(name, out var arg) && arg.Source.IsCommandLine;

    public ArgValue? Get(string name) => effective.GetValueOrDefault(name);

    public string? GetString(string name) => effective.TryGetValue(name, out var arg) ? arg.Value : null;

    public IReadOnlyList<ArgValue> GetAll(string name) =>
        all.TryGetValue(name, out var values) ? values : [];

    private void Append(ArgValue arg)
    {
        if (!all.TryGetValue(arg.Name, out var values))
        {
            values = [];
            all[arg.Name] = values;
        }

        values.Add(arg);
    }
}
