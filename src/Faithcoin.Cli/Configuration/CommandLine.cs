namespace Faithcoin.Cli.Configuration;

/// <summary>
/// The original's ParseParameters followed by CommandLineRPC's "skip switches": leading "-name[=value]" words
/// are options ("--name" is "-name"), and the first word without a dash starts the command and its arguments,
/// which are taken as they are even when they start with a dash.
/// </summary>
public sealed record CommandLine(CliSettings Settings, IReadOnlyList<string> Arguments)
{
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new CliSettings();
        var index = 0;
        for (; index < args.Count; index++)
        {
            var word = args[index];
            if (word.Length == 0 || word[0] != '-')
            {
                break;
            }

            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? word[1..] : word[1..equals];
            var value = equals < 0 ? string.Empty : word[(equals + 1)..];
            if (name.StartsWith('-'))
            {
                name = name[1..];
            }

            (name, value) = NegatedOption.Interpret(name, value);
            settings.SetFromCommandLine(name, value);
        }

        return new CommandLine(settings, args.Skip(index).ToList());
    }
}
