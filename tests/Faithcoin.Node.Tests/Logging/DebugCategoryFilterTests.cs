using Faithcoin.Node.Logging;
using Serilog;
using Serilog.Events;

namespace Faithcoin.Node.Tests.Logging;

/// <summary>Debug lines reach debug.log only for enabled categories, through the real Serilog file sink.</summary>
public sealed class DebugCategoryFilterTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    // Past the "yyyy-MM-dd HH:mm:ss " timestamp.
    private static string[] Messages(string log) => log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[20..]).ToArray();

    private string WriteSample(DebugCategories categories, Action? between = null)
    {
        var path = folder.Combine("debug.log");
        using (var logger = new LoggerConfiguration()
                   .MinimumLevel.ControlledBy(categories.LevelSwitch)
                   .Filter.With(new DebugCategoryFilter(categories))
                   .WriteTo.File(new CoreLogFormatter(), path)
                   .CreateLogger())
        {
            logger.ForContext("SourceContext", "Faithcoin.P2P.Net.ConnectionManager").Debug("net line");
            logger.ForContext("SourceContext", "Faithcoin.Node.Rpc.JsonRpcProcessor").Debug("rpc line");
            logger.ForContext("SourceContext", "Faithcoin.Node.Rpc.Http.RpcHttpServer").Debug("http line");
            logger.ForContext(SourceCategoryMap.PropertyName, "mempoolrej").Debug("tagged line");
            logger.ForContext("SourceContext", "Somewhere.Else").Debug("uncategorised line");
            logger.Information("info line");
            between?.Invoke();
            logger.ForContext("SourceContext", "Faithcoin.Node.Rpc.JsonRpcProcessor").Debug("second rpc line");
        }

        return File.ReadAllText(path);
    }

    [Fact]
    public void OnlyTheEnabledCategoriesAreWritten()
    {
        var log = WriteSample(new DebugCategories(LogCategory.Net | LogCategory.MempoolRej));
        Assert.Contains("net line", log, StringComparison.Ordinal);
        Assert.Contains("tagged line", log, StringComparison.Ordinal);
        Assert.Contains("info line", log, StringComparison.Ordinal);
        Assert.DoesNotContain("rpc line", log, StringComparison.Ordinal);
        Assert.DoesNotContain("http line", log, StringComparison.Ordinal);
        Assert.DoesNotContain("uncategorised line", log, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCategoryMeansNoDebugLinesAndAllMeansEvery()
    {
        var none = WriteSample(new DebugCategories(LogCategory.None));
        Assert.Equal(["info line"], Messages(none));
        var all = WriteSample(new DebugCategories(LogCategory.All));
        Assert.Contains("uncategorised line", all, StringComparison.Ordinal);
        Assert.Contains("http line", all, StringComparison.Ordinal);
    }

    [Fact]
    public void EnablingAtRunTimeTakesEffectAtOnce()
    {
        var categories = new DebugCategories(LogCategory.None);
        var log = WriteSample(categories, () => categories.Enable(LogCategory.Rpc));
        Assert.Equal(["info line", "second rpc line"], Messages(log));
        Assert.Equal(LogEventLevel.Debug, categories.LevelSwitch.MinimumLevel);
        categories.Disable(LogCategory.All);
        Assert.Equal(LogEventLevel.Information, categories.LevelSwitch.MinimumLevel);
    }
}
