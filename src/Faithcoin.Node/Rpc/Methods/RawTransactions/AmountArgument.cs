using System.Text.Json;
using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// AmountFromValue: a JSON number or string read as coins with at most eight decimals (ParseFixedPoint, so
/// "1e-8" and "0.00000001" agree and a ninth decimal is refused), then checked against MoneyRange. Errors are -3.
/// </summary>
public static class AmountArgument
{
    private const int Decimals = 8;
    private const long UpperBound = 999_999_999_999_999_999L;

    public static long Parse(JsonElement? value)
    {
        var text = value switch
        {
            { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
            { ValueKind: JsonValueKind.String } str => str.GetString()!,
            _ => throw new RpcException(RpcErrorCode.TypeError, "Amount is not a number or string"),
        };
        if (!TryParseFixedPoint(text, Decimals, out var amount))
        {
            throw new RpcException(RpcErrorCode.TypeError, "Invalid amount");
        }

        return amount is >= 0 and <= ConsensusConstants.MaxMoney
            ? amount
            : throw new RpcException(RpcErrorCode.TypeError, "Amount out of range");
    }

    /// <summary>ParseFixedPoint: JSON number syntax, scaled by 10^decimals, exact or refused.</summary>
    public static bool TryParseFixedPoint(string text, int decimals, out long amount)
    {
        ArgumentNullException.ThrowIfNull(text);
        amount = 0;
        long mantissa = 0;
        long exponent = 0;
        var trailingZeros = 0;
        var pointOffset = 0;
        var position = 0;
        var negative = position < text.Length && text[position] == '-';
        if (negative)
        {
            position++;
        }

        if (position >= text.Length)
        {
            return false;
        }

        if (text[position] == '0')
        {
            position++;
        }
        else if (IsDigit(text, position))
        {
            for (; IsDigit(text, position); position++)
            {
                if (!AddDigit(text[position], ref mantissa, ref trailingZeros))
                {
                    return false;
                }
            }
        }
        else
        {
            return false;
        }

        if (position < text.Length && text[position] == '.')
        {
            position++;
            if (!IsDigit(text, position))
            {
                return false;
            }

            for (; IsDigit(text, position); position++, pointOffset++)
            {
                if (!AddDigit(text[position], ref mantissa, ref trailingZeros))
                {
                    return false;
                }
            }
        }

        if (position < text.Length && (text[position] == 'e' || text[position] == 'E'))
        {
            position++;
            var exponentNegative = false;
            if (position < text.Length && (text[position] == '+' || text[position] == '-'))
            {
                exponentNegative = text[position] == '-';
                position++;
            }

            if (!IsDigit(text, position))
            {
                return false;
            }

            for (; IsDigit(text, position); position++)
            {
                if (exponent > UpperBound / 10)
                {
                    return false;
                }

                exponent = (exponent * 10) + (text[position] - '0');
            }

            exponent = exponentNegative ? -exponent : exponent;
        }

        if (position != text.Length)
        {
            return false;
        }

        exponent = exponent - pointOffset + trailingZeros + decimals;
        mantissa = negative ? -mantissa : mantissa;
        if (exponent is < 0 or >= 18)
        {
            return false;
        }

        for (var i = 0; i < exponent; i++)
        {
            if (mantissa > UpperBound / 10 || mantissa < -(UpperBound / 10))
            {
                return false;
            }

            mantissa *= 10;
        }

        amount = mantissa;
        return mantissa is <= UpperBound and >= -UpperBound;
    }

    private static bool IsDigit(string text, int position) => position < text.Length && char.IsAsciiDigit(text[position]);

    /// <summary>ProcessMantissaDigit: zeros are counted and only multiplied in before the next non-zero digit.</summary>
    private static bool AddDigit(char digit, ref long mantissa, ref int trailingZeros)
    {
        if (digit == '0')
        {
            trailingZeros++;
            return true;
        }

        for (var i = 0; i <= trailingZeros; i++)
        {
            if (mantissa > UpperBound / 10)
            {
                return false;
            }

            mantissa *= 10;
        }

        mantissa += digit - '0';
        trailingZeros = 0;
        return true;
    }
}
