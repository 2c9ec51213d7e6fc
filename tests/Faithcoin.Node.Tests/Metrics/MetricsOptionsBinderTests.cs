using System.Net;
using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Tests.Metrics;

/// <summary>-metricsport, -metricsbind and -readyzallowibd through the real configuration loader.</summary>
public sealed class MetricsOptionsBinderTests : IDisposable
{
    private readonly TempDirectory home = new();
    private readonly TempDirectory data = new();

    public void Dispose()
    {
        home.Dispose();
        data.Dispose();
    }

    [Fact]
    public void OffAndLoopbackUnlessAsked()
    {
        var options = Load("-regtest");
        Assert.False(options.Metrics.Enabled);
        Assert.Null(options.Metrics.Port);
        Assert.Equal(IPAddress.Loopback, options.Metrics.Bind);
        Assert.False(options.Metrics.ReadyDuringInitialDownload);
    }

    [Fact]
    public void PortAddressAndIbdReadinessAreTakenFromCommandLineOrConf()
    {
        File.WriteAllText(data.Combine("faithcoin.conf"), "metricsbind=[::]\nreadyzallowibd=1\n");
        var options = Load("-regtest", "-metricsport=9100");
        Assert.True(options.Metrics.Enabled);
        Assert.Equal(9100, options.Metrics.Port);
        Assert.Equal(IPAddress.IPv6Any, options.Metrics.Bind);
        Assert.True(options.Metrics.ReadyDuringInitialDownload);
        Assert.DoesNotContain(options.UnknownOptions, a => a.Name.StartsWith("metrics", StringComparison.Ordinal));
        Assert.DoesNotContain(options.IgnoredOptions, a => a.Name.StartsWith("metrics", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-metricsport=abc", "Invalid port specified in -metricsport: 'abc'")]
    [InlineData("-metricsport=0", "Invalid port specified in -metricsport: '0'")]
    [InlineData("-metricsport=65536", "Invalid port specified in -metricsport: '65536'")]
    [InlineData("-metricsport", "Invalid port specified in -metricsport: ''")]
    [InlineData("-metricsbind=localhost", "Invalid -metricsbind address: 'localhost'")]
    [InlineData("-metricsbind=9100", "Invalid -metricsbind address: '9100'")]
    [InlineData("-readyzallowibd=yes", "Invalid value for -readyzallowibd: 'yes'")]
    public void MalformedValuesStopTheStartNamingTheOption(string arg, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => Load("-regtest", "-metricsport=9100", arg));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("command line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpListsTheOptions()
    {
        var help = new UsageText(new OptionCatalog()).Help();
        Assert.Contains("-metricsport=<port>", help, StringComparison.Ordinal);
        Assert.Contains("-metricsbind=<addr>", help, StringComparison.Ordinal);
        Assert.Contains("-readyzallowibd", help, StringComparison.Ordinal);
    }

    private NodeOptions Load(params string[] argv) =>
        new NodeConfigurationLoader(new NodeOptionsBinder(new OptionCatalog()), home.Combine(".faithcoin"))
            .Load(CommandLineParser.Parse([$"-datadir={data.Path}", .. argv]));
}
