namespace Faithcoin.Node.Configuration;

/// <summary>
/// The original's ParseParameters: "-name=value", "-name" (empty value, read as true), "-noname" (= "0") and
/// "--name" (same as "-name"). Parsing stops at the first word that does not start with a dash; that word
/// and the rest are kept as unexpected tokens, which the daemon reports as an error.
/// </summary>
public static class CommandLineParser
{
    public static ArgsStore Parse(IReadOnlyList<string> args)
    {
        var store = new ArgsStore();
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (word.Length < 2 || word[0] != '-')
            {
                foreach (var rest in args.Skip(i))
                {
                    store.AddUnexpectedToken(rest);
                }

                break;
            }

            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? word[1..] : word[1..equals];
            var value = equals < 0 ? string.Empty : word[(equals + 1)..];
            if (name.StartsWith('-'))
            {
                name = name[1..];
            }

            if (name.Length == 0)
            {
                throw new ConfigurationException($"Command line contains an empty option name: '{word}'");
            }

            (name, value) = NegatedOption.Interpret(name, value, ArgSource.CommandLine);
            store.AddFromCommandLine(name, value);
        }

        return store;
    }
}
