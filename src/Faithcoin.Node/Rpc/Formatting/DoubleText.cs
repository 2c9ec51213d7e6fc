using System.Globalization;
using System.Text;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// Doubles in the text UniValue gives them (an ostream with setprecision(16), i.e. printf's %.16g): 16
/// significant digits, trailing zeros dropped, scientific form below 1e-4 or from 1e16, exponent with a sign
/// and at least two digits. Difficulty is the value clients see this way.
/// </summary>
public static class DoubleText
{
    private const int Precision = 16;

    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no form for NaN or infinity.");
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        // "E15" rounds to 16 significant digits from the exact binary value, as printf does.
        var scientific = value.ToString("E" + (Precision - 1), CultureInfo.InvariantCulture);
        var negative = scientific[0] == '-';
        var body = negative ? scientific.AsSpan(1) : scientific.AsSpan();
        var exponentAt = body.IndexOf('E');
        var digits = string.Concat(body[..1], body[2..exponentAt]);
        var exponent = int.Parse(body[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        var text = new StringBuilder(32);
        if (negative)
        {
            text.Append('-');
        }

        if (exponent < -4 || exponent >= Precision)
        {
            text.Append(digits[0]);
            AppendFraction(text, digits.AsSpan(1));
            text.Append('e').Append(exponent < 0 ? '-' : '+');
            text.Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (exponent >= 0)
        {
            text.Append(digits.AsSpan(0, exponent + 1));
            AppendFraction(text, digits.AsSpan(exponent + 1));
        }
        else
        {
            text.Append('0');
            AppendFraction(text, string.Concat(new string('0', -exponent - 1), digits));
        }

        return text.ToString();
    }

    private static void AppendFraction(StringBuilder text, ReadOnlySpan<char> fraction)
    {
        var significant = fraction.TrimEnd('0');
        if (!significant.IsEmpty)
        {
            text.Append('.').Append(significant);
        }
    }
}
