using Faithcoin.Node.Chain;
using Faithcoin.Node.Rpc.Formatting;
using Prometheus;

namespace Faithcoin.Node.Metrics;

/// <summary>
/// The active chain as getblockchaininfo reports it: height, best header, difficulty, verification progress,
/// initial block download and the tip's time. Nothing is published until the chain is loaded.
/// </summary>
public sealed class ChainMetrics(ChainManager chain, TimeProvider time, IMetricFactory factory) : IMetricsSource
{
    private readonly Gauge blocks = factory.CreateGauge("faithcoin_blocks", "Height of the active chain's tip", Unpublished);
    private readonly Gauge headers = factory.CreateGauge("faithcoin_headers", "Height of the most-work valid header known", Unpublished);
    private readonly Gauge difficulty = factory.CreateGauge("faithcoin_difficulty", "Proof-of-work difficulty of the tip", Unpublished);
    private readonly Gauge progress = factory.CreateGauge(
        "faithcoin_verification_progress", "Estimate of the fraction of the chain verified (0 to 1)", Unpublished);
    private readonly Gauge initialDownload = factory.CreateGauge(
        "faithcoin_initial_block_download", "1 while the node is in initial block download, else 0", Unpublished);
    private readonly Gauge tipTime = factory.CreateGauge(
        "faithcoin_latest_block_timestamp_seconds", "Header time of the tip, in Unix seconds", Unpublished);

    private static GaugeConfiguration Unpublished => new() { SuppressInitialValue = true };

    public void Collect()
    {
        // The published tip is read without the chain's lock; it is null only while the chain loads.
        if (!chain.IsLoaded || chain.InternalState.PublishedTip is not { } tip)
        {
            return;
        }

        blocks.Set(tip.Height);
        headers.Set(chain.BestHeader.Height);
        difficulty.Set(Difficulty.FromBits(tip.Bits));
        progress.Set(VerificationProgress.Guess(tip, time.GetUtcNow().ToUnixTimeSeconds()));
        initialDownload.Set(chain.IsInitialBlockDownload() ? 1 : 0);
        tipTime.Set(tip.Time);
    }
}
