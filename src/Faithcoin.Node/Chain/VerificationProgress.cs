namespace Faithcoin.Node.Chain;

/// <summary>
/// 0.15's GuessVerificationProgress with the chain's ChainTxData. faithcoin's parameters carry no transaction
/// statistics (all zero, as regtest's), so the estimate is 1.0 once a tip exists, exactly what the original prints.
/// </summary>
public static class VerificationProgress
{
    public static double Guess(BlockIndexEntry? tip, long nowSeconds, long dataTxCount = 0, long dataTime = 0, double dataTxRate = 0)
    {
        if (tip is null || tip.ChainTransactionCount == 0)
        {
            return 0.0;
        }

        double total = tip.ChainTransactionCount <= dataTxCount
            ? dataTxCount + ((nowSeconds - dataTime) * dataTxRate)
            : tip.ChainTransactionCount + ((nowSeconds - tip.Time) * dataTxRate);
        return total <= 0 ? 0.0 : tip.ChainTransactionCount / total;
    }
}
