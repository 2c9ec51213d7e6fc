using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Faithcoin.Node.Mempool.FeeEstimation;

/// <summary>
/// Loads fee_estimates.dat at start and writes it at stop, as 0.15's AppInitMain and Shutdown do. A missing file
/// is normal on the first start; an unreadable one is logged and the estimator starts empty. At stop the
/// transactions still tracked count as unconfirmed first (0.15's FlushUnconfirmed), then the file is replaced.
/// </summary>
public sealed partial class FeeEstimationHostedService(BlockPolicyEstimator estimator, string path, ILogger<FeeEstimationHostedService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return Task.CompletedTask;
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (!estimator.Load(file))
            {
                LogOldFormat(logger);
            }
        }
        catch (Exception e) when (e is FeeEstimatesFormatException or IOException or UnauthorizedAccessException)
        {
            LogReadFailed(logger, e.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        estimator.FlushUnconfirmed();
        var temporary = path + ".new";
        try
        {
            // Written aside and moved, so a crash mid-write leaves the previous file rather than half of one.
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                estimator.Write(file);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(logger, path, e.Message);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CBlockPolicyEstimator::Read(): unable to read policy estimator data (non-fatal): {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "CBlockPolicyEstimator::Read(): incompatible old fee estimation data (non-fatal)")]
    private static partial void LogOldFormat(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutdown: Failed to write fee estimates to {Path}: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, string path, string reason);
}
