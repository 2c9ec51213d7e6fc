using System.Globalization;

namespace Faithcoin.Node.Configuration;

/// <summary>
/// Value syntax shared by the command line and faithcoin.conf. The original reads numbers with atoi, which
/// turns "abc" into 0 without a word; here a value that is not a number is refused so a typo cannot
/// silently change behaviour.
/// </summary>
public static class ArgParsing
{
    /// <summary>An empty value (plain "-foo") means true; otherwise any integer, non-zero meaning true.</summary>
    public static bool TryParseBool(string value, out bool result)
    {
        if (value.Length == 0)
        {
            result = true;
            return true;
        }

        if (long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            result = number != 0;
            return true;
        }

        result = false;
        return false;
    }

    public static bool TryParsePort(string value, out int port) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= ushort.MaxValue;

    public static bool TryParseInt64(string value, out long result) =>
        long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
}
