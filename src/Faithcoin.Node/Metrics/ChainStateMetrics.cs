using Faithcoin.Node.Chain;
using Prometheus;

namespace Faithcoin.Node.Metrics;

/// <summary>
/// The coins cache against its -dbcache budget, the last flush to disk, and where the chain thread's time went
/// (<see cref="ChainTimings"/>, 0.15's -debug=bench totals) as counters per phase.
/// </summary>
public sealed class ChainStateMetrics(ChainManager chain, IMetricFactory factory) : IMetricsSource
{
    private readonly Gauge cachedCoins = factory.CreateGauge(
        "faithcoin_coins_cache_coins", "Coins held in the in-memory UTXO cache", Unpublished);
    private readonly Gauge cacheBytes = factory.CreateGauge(
        "faithcoin_coins_cache_bytes", "Estimated memory of the in-memory UTXO cache", Unpublished);
    private readonly Gauge cacheBudget = factory.CreateGauge(
        "faithcoin_coins_cache_budget_bytes", "Size at which the UTXO cache is flushed (from -dbcache)", Unpublished);
    private readonly Gauge lastFlush = factory.CreateGauge(
        "faithcoin_chainstate_last_flush_timestamp_seconds", "When the chain state was last flushed to disk, in Unix seconds", Unpublished);
    private readonly Gauge lastFlushBytes = factory.CreateGauge(
        "faithcoin_chainstate_last_flush_bytes", "Size of the last coins batch written to the database", Unpublished);
    private readonly Counter phaseSeconds = factory.CreateCounter(
        "faithcoin_chain_thread_seconds_total",
        "Time the chain thread spent per phase of reading, checking and connecting blocks",
        ["phase"],
        new CounterConfiguration { SuppressInitialValue = true });

    private static GaugeConfiguration Unpublished => new() { SuppressInitialValue = true };

    public void Collect()
    {
        if (!chain.IsLoaded)
        {
            return;
        }

        var state = chain.InternalState;
        var coins = state.Coins;
        cachedCoins.Set(coins.Cache.CachedCount);
        cacheBytes.Set(coins.EstimatedBytes);
        cacheBudget.Set(coins.BudgetBytes);
        lastFlushBytes.Set(coins.Database.LastBatchBytes);

        // Read without the writer's lock: the offset is always zero, so only the 64-bit ticks change, atomically.
        // The load counts as a flush (the state on disk is current then), as the flusher's hourly timer does.
        lastFlush.Set(state.LastFlush.ToUnixTimeMilliseconds() / 1000.0);

        foreach (var phase in Enum.GetValues<ChainPhase>())
        {
            phaseSeconds.WithLabels(PhaseLabel(phase)).IncTo(chain.Timings.Total(phase).TotalSeconds);
        }
    }

    private static string PhaseLabel(ChainPhase phase) => phase switch
    {
        ChainPhase.ReadParse => "read_parse",
        ChainPhase.Check => "check",
        ChainPhase.Accept => "accept",
        ChainPhase.Connect => "connect",
        ChainPhase.Scripts => "scripts",
        ChainPhase.Commit => "commit",
        ChainPhase.CheckBlockIndex => "checkblockindex",
        _ => phase.ToString().ToLowerInvariant(),
    };
}
