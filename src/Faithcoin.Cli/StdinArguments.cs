using Faithcoin.Cli.Transport;

namespace Faithcoin.Cli;

/// <summary>-stdin: one extra argument per line until end of input, as std::getline splits them (only '\n' ends a line).</summary>
public static class StdinArguments
{
    public static IReadOnlyList<string> Read(TextReader input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string text;
        try
        {
            text = input.ReadToEnd();
        }
        catch (IOException e)
        {
            throw new RpcClientException("cannot read standard input: " + e.Message);
        }

        var lines = text.Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            // A final newline ends the last line; it does not start an empty one.
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
