namespace Faithcoin.Node.Mempool;

/// <summary>CFeeRate's arithmetic in satoshis per 1,000 virtual bytes, with its truncation.</summary>
public static class FeeRates
{
    /// <summary>CFeeRate(fee, size): the rate a fee paid for a size works out to (0 for size 0).</summary>
    public static long PerKilobyte(long fee, long size) => size > 0 ? fee * 1000 / size : 0;

    /// <summary>CFeeRate::GetFee: the fee for <paramref name="size"/> vbytes, at least one satoshi for a non-zero rate.</summary>
    public static long FeeFor(long feePerKilobyte, long size)
    {
        var fee = feePerKilobyte * size / 1000;
        if (fee == 0 && size != 0)
        {
            fee = feePerKilobyte > 0 ? 1 : feePerKilobyte < 0 ? -1 : 0;
        }

        return fee;
    }
}
