using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Metrics;
using Faithcoin.Node.Rpc;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faithcoin.Node.Tests.Metrics;

/// <summary>/readyz's decision over a real regtest chain state in a temp folder, the real warm-up and host lifetime.</summary>
public sealed class ReadinessCheckTests : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly RpcWarmup warmup = new();
    private readonly ApplicationLifetime lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private ChainManager? chain;

    public void Dispose()
    {
        chain?.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void StartingWhileTheChainLoads()
    {
        var check = Check(new ChainStateSettings(), new MetricsSettings(), load: false);
        warmup.SetStatus("Loading block index...");
        Assert.Equal(new Readiness(false, "starting: Loading block index..."), check.Check());
    }

    [Fact]
    public void NotReadyInInitialDownloadUnlessAllowed()
    {
        // Regtest's genesis is from 2011: far older than -maxtipage, so the node is in initial block download.
        Assert.Equal(new Readiness(false, "in initial block download"), Check(new ChainStateSettings(), new MetricsSettings()).Check());
        Assert.Equal(
            new Readiness(true, "ok"),
            new ReadinessCheck(warmup, chain!, new MetricsSettings { ReadyDuringInitialDownload = true }, lifetime).Check());
    }

    [Fact]
    public void ReadyOnceTheTipIsRecentEnough()
    {
        var settings = new ChainStateSettings { MaxTipAge = TimeSpan.FromDays(365 * 100) };
        Assert.Equal(new Readiness(true, "ok"), Check(settings, new MetricsSettings()).Check());
    }

    [Fact]
    public void NotReadyOnceShutdownStarts()
    {
        var check = Check(new ChainStateSettings(), new MetricsSettings { ReadyDuringInitialDownload = true });
        lifetime.StopApplication();
        Assert.Equal(new Readiness(false, "shutting down"), check.Check());
    }

    private ReadinessCheck Check(ChainStateSettings chainSettings, MetricsSettings metrics, bool load = true)
    {
        chain = new ChainManager(
            ChainParams.Regtest, chainSettings, new ChainEvents([]), new ChainLog(NullLogger<ChainLog>.Instance), TimeProvider.System, folder.Path);
        if (load)
        {
            chain.Load();
            warmup.Finish();
        }

        return new ReadinessCheck(warmup, chain, metrics, lifetime);
    }
}
