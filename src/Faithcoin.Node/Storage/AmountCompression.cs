namespace Faithcoin.Node.Storage;

/// <summary>
/// Core's amount compression (compressor.cpp): strips trailing decimal zeros into an exponent so round amounts,
/// which most outputs are, take one or two VARINT bytes instead of eight.
/// </summary>
public static class AmountCompression
{
    /// <summary>Compresses an amount; consensus keeps coins at or below MAX_MONEY, far from the overflow this checks for.</summary>
    public static ulong Compress(ulong amount)
    {
        if (amount == 0)
        {
            return 0;
        }

        var exponent = 0UL;
        while (amount % 10 == 0 && exponent < 9)
        {
            amount /= 10;
            exponent++;
        }

        if (exponent < 9)
        {
            var lastDigit = amount % 10;
            amount /= 10;
            return checked(1 + (((amount * 9) + lastDigit - 1) * 10) + exponent);
        }

        return checked(1 + ((amount - 1) * 10) + 9);
    }

    public static ulong Decompress(ulong compressed)
    {
        if (compressed == 0)
        {
            return 0;
        }

        compressed--;
        var exponent = compressed % 10;
        compressed /= 10;
        ulong amount;
        if (exponent < 9)
        {
            var lastDigit = (compressed % 9) + 1;
            compressed /= 9;
            amount = checked((compressed * 10) + lastDigit);
        }
        else
        {
            amount = checked(compressed + 1);
        }

        for (; exponent > 0; exponent--)
        {
            amount = checked(amount * 10);
        }

        return amount;
    }
}
