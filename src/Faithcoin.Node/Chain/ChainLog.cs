using System.Globalization;
using System.Numerics;
using Faithcoin.Consensus.Chain;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Chain;

/// <summary>The chain manager's log lines, worded as 0.15 writes them so operators' greps keep working.</summary>
public sealed partial class ChainLog(ILogger<ChainLog> logger)
{
    public static string FormatDate(ChainedHeader entry) =>
        DateTimeOffset.FromUnixTimeSeconds(entry.Time).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Log2Work(BigInteger chainWork) =>
        (chainWork.IsZero ? 0.0 : BigInteger.Log(chainWork, 2)).ToString("G8", CultureInfo.InvariantCulture);

    /// <summary>UpdateTip: new best=... height=... version=... log2_work=... tx=... date='...' progress=... cache=...MiB(...txo).</summary>
    public void UpdateTip(BlockIndexEntry tip, double progress, long cacheBytes, int cacheCoins)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"UpdateTip: new best={tip.HashBlock} height={tip.Height} version=0x{tip.Version:x8} log2_work={Log2Work(tip.ChainWork)} tx={tip.ChainTransactionCount} date='{FormatDate(tip)}' progress={progress:F6} cache={cacheBytes / (1024.0 * 1024.0):F1}MiB({cacheCoins}txo)");
        Write(logger, line);
    }

    public void InvalidChainFound(BlockIndexEntry invalid, BlockIndexEntry? tip)
    {
        Write(logger, string.Create(
            CultureInfo.InvariantCulture,
            $"InvalidChainFound: invalid block={invalid.HashBlock}  height={invalid.Height}  log2_work={Log2Work(invalid.ChainWork)}  date={FormatDate(invalid)}"));
        if (tip is not null)
        {
            Write(logger, string.Create(
                CultureInfo.InvariantCulture,
                $"InvalidChainFound:  current best={tip.HashBlock}  height={tip.Height}  log2_work={Log2Work(tip.ChainWork)}  date={FormatDate(tip)}"));
        }
    }

    public void Message(string text) => Write(logger, text);

    public void Failure(string text) => WriteError(logger, "ERROR: " + text);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private static partial void Write(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Line}")]
    private static partial void WriteError(ILogger logger, string line);
}
