using Faithcoin.Node.Mempool.FeeEstimation;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faithcoin.Node.Tests.Mempool.FeeEstimation;

/// <summary>fee_estimates.dat on disk: saved at stop, loaded at start, and a bad file leaves an empty estimator.</summary>
public sealed class FeeEstimationHostedServiceTests : IDisposable
{
    private readonly TempDirectory folder = new();

    private string FilePath => folder.Combine(FeeEstimatesFile.FileName);

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task TheHistorySurvivesARestartAndPendingTransactionsCountAsUnconfirmed()
    {
        var estimator = FeeEstimatesFileTests.Trained();
        var pool = new SimulatedPool(estimator, estimator.BestSeenHeight);
        pool.MineEmptyBlocks(3);

        var pending = pool.Add(9_000);
        Assert.Equal(1, estimator.TrackedCount);
        var expected = estimator.EstimateSmartFee(10, conservative: true);

        await Service(estimator).StartAsync(CancellationToken.None);
        await Service(estimator).StopAsync(CancellationToken.None);
        Assert.Equal(0, estimator.TrackedCount);
        Assert.False(estimator.RemoveTransaction(pending.Txid, inBlock: false));
        Assert.True(File.Exists(FilePath));
        Assert.False(File.Exists(FilePath + ".new"));

        var restarted = new BlockPolicyEstimator();
        await Service(restarted).StartAsync(CancellationToken.None);
        Assert.Equal(estimator.BestSeenHeight, restarted.BestSeenHeight);
        Assert.Equal(estimator.EstimateSmartFee(10, conservative: true), restarted.EstimateSmartFee(10, conservative: true));
        Assert.True(expected.Found);
    }

    [Fact]
    public async Task AMissingOrCorruptFileIsIgnored()
    {
        var estimator = new BlockPolicyEstimator();
        await Service(estimator).StartAsync(CancellationToken.None);
        Assert.Equal(0, estimator.BestSeenHeight);

        await File.WriteAllBytesAsync(FilePath, [0x9c, 0x49, 0x02, 0x00, 0x01]);
        await Service(estimator).StartAsync(CancellationToken.None);
        Assert.Equal(0, estimator.BestSeenHeight);
        Assert.False(estimator.EstimateSmartFee(2, conservative: true).Found);

        // A directory where the file should be: logged, not thrown, at start and at stop.
        File.Delete(FilePath);
        Directory.CreateDirectory(FilePath);
        await Service(estimator).StartAsync(CancellationToken.None);
        await Service(estimator).StopAsync(CancellationToken.None);
        Assert.True(Directory.Exists(FilePath));
    }

    private FeeEstimationHostedService Service(BlockPolicyEstimator estimator) =>
        new(estimator, FilePath, NullLogger<FeeEstimationHostedService>.Instance);
}
