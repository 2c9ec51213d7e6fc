using System.Globalization;
using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// 0.15's ParseMoney and FormatMoney (utilmoneystr.cpp), the syntax of amount options such as -minrelaytxfee and
/// of the amounts in replacement reject messages.
/// </summary>
public static class MoneyText
{
    /// <summary>CURRENCY_UNIT of Litecoin 0.15, which faithcoin did not rename.</summary>
    public const string CurrencyUnit = "LTC";

    private const int MaxWholeDigits = 10;

    /// <summary>
    /// Digits, optionally a point and at most eight decimals, surrounded by optional whitespace; no sign, no
    /// exponent. An empty text is zero, as in the original.
    /// </summary>
    public static bool TryParse(string text, out long amount)
    {
        ArgumentNullException.ThrowIfNull(text);
        amount = 0;
        var position = 0;
        while (position < text.Length && IsSpace(text[position]))
        {
            position++;
        }

        var wholeStart = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        var whole = text[wholeStart..position];
        long units = 0;
        if (position < text.Length && text[position] == '.')
        {
            position++;
            for (var multiplier = ConsensusConstants.Coin / 10; multiplier > 0 && position < text.Length && char.IsAsciiDigit(text[position]); multiplier /= 10)
            {
                units += multiplier * (text[position++] - '0');
            }
        }

        while (position < text.Length && IsSpace(text[position]))
        {
            position++;
        }

        if (position != text.Length || whole.Length > MaxWholeDigits)
        {
            return false;
        }

        var coins = whole.Length == 0 ? 0 : long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture);
        amount = coins * ConsensusConstants.Coin + units;
        return true;
    }

    /// <summary>FormatMoney: eight decimals, trailing zeros trimmed down to two ("0.0001", "1.00").</summary>
    public static string Format(long amount)
    {
        var magnitude = amount < 0 ? (ulong)(-(amount + 1)) + 1 : (ulong)amount;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{magnitude / ConsensusConstants.Coin}.{magnitude % ConsensusConstants.Coin:D8}");
        var end = text.Length;
        while (text[end - 1] == '0' && char.IsAsciiDigit(text[end - 3]))
        {
            end--;
        }

        return (amount < 0 ? "-" : string.Empty) + text[..end];
    }

    // C's isspace in the "C" locale.
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
}
