using System.Globalization;

namespace Faithcoin.Node.Rest;

/// <summary>C's strtol in base 10, as the original reads the header count: leading space and sign, digits up to the first other character, 0 when there are none.</summary>
public static class CLong
{
    public static long Strtol(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan().TrimStart(" \t\n\v\f\r");
        var sign = 1;
        if (span.Length > 0 && (span[0] == '+' || span[0] == '-'))
        {
            sign = span[0] == '-' ? -1 : 1;
            span = span[1..];
        }

        var digits = 0;
        while (digits < span.Length && char.IsAsciiDigit(span[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            return 0;
        }

        // Out of range saturates, as strtol does; any such value is out of the header count's range anyway.
        return long.TryParse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? sign * value
            : sign > 0 ? long.MaxValue : long.MinValue;
    }
}
