using Faithcoin.Node.Configuration;
using Faithcoin.Node.Logging;

namespace Faithcoin.Node.Tests.Configuration;

/// <summary>The logging, clock, daemon, notification and ignored options bound as 0.15's init.cpp reads them.</summary>
public sealed class NodeOptionsFor015Tests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    private NodeOptions Load(params string[] argv) =>
        new NodeConfigurationLoader(new NodeOptionsBinder(new OptionCatalog()), data.Path)
            .Load(CommandLineParser.Parse([$"-datadir={data.Path}", "-regtest", .. argv]));

    [Fact]
    public void DefaultsAreThe015Ones()
    {
        var options = Load();
        Assert.Equal(LogCategory.None, options.Logging.Categories);
        Assert.True(options.Logging.Output.Timestamps);
        Assert.False(options.Logging.Output.TimeMicros);
        Assert.False(options.Logging.Output.LogIps);
        Assert.True(options.Logging.ShrinkDebugFile);
        Assert.Equal(0, options.MockTime);
        Assert.False(options.Daemon);
        Assert.Null(options.Notify.BlockNotify);
        Assert.Null(options.Notify.AlertNotify);
    }

    [Theory]
    [InlineData(new[] { "-debug" }, LogCategory.All)]
    [InlineData(new[] { "-debug=1" }, LogCategory.All)]
    [InlineData(new[] { "-debug=all" }, LogCategory.All)]
    [InlineData(new[] { "-debug=net", "-debug=rpc" }, LogCategory.Net | LogCategory.Rpc)]
    [InlineData(new[] { "-debug=net", "-debug=0" }, LogCategory.None)]
    [InlineData(new[] { "-nodebug" }, LogCategory.None)]
    [InlineData(new[] { "-debug=1", "-debugexclude=net" }, LogCategory.All & ~LogCategory.Net)]
    [InlineData(new[] { "-debug=mempool", "-debugexclude=mempool" }, LogCategory.None)]
    public void DebugAndDebugexcludeCombineAs015(string[] argv, LogCategory expected)
    {
        Assert.Equal(expected, Load(argv).Logging.Categories);
    }

    [Fact]
    public void AnUnknownCategoryIsAWarningNotAnError()
    {
        var options = Load("-debug=net", "-debug=nonsense", "-debugexclude=bogus");
        Assert.Equal(LogCategory.Net, options.Logging.Categories);
        Assert.Equal(["Unsupported logging category -debug=nonsense.", "Unsupported logging category -debugexclude=bogus."], options.Logging.Warnings);
    }

    [Fact]
    public void ShrinkDebugFileDefaultsOffWhileDebugLogging()
    {
        Assert.False(Load("-debug=net").Logging.ShrinkDebugFile);
        Assert.True(Load("-debug=net", "-shrinkdebugfile").Logging.ShrinkDebugFile);
        Assert.False(Load("-noshrinkdebugfile").Logging.ShrinkDebugFile);
    }

    [Fact]
    public void LineFormatClockDaemonAndNotifyOptionsAreBound()
    {
        var options = Load("-nologtimestamps", "-logtimemicros", "-logips", "-mocktime=1700000000", "-daemon", "-blocknotify=echo %s", "-alertnotify=echo %s");
        Assert.False(options.Logging.Output.Timestamps);
        Assert.True(options.Logging.Output.TimeMicros);
        Assert.True(options.Logging.Output.LogIps);
        Assert.Equal(1_700_000_000, options.MockTime);
        Assert.True(options.Daemon);
        Assert.Equal("echo %s", options.Notify.BlockNotify);
        Assert.Equal("echo %s", options.Notify.AlertNotify);
    }

    [Fact]
    public void AMalformedMocktimeIsRefused()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load("-mocktime=tomorrow"));
        Assert.StartsWith("Invalid value for -mocktime: 'tomorrow'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WalletZmqAndGuiOptionsAreIgnoredWithAReasonNotUnknown()
    {
        var options = Load("-paytxfee=0.1", "-zmqpubhashblock=tcp://127.0.0.1:1", "-lang=de", "-maxuploadtarget=100");
        Assert.Empty(options.UnknownOptions);
        Assert.Equal(["lang", "paytxfee", "zmqpubhashblock"], options.UnsupportedOptions.Select(o => o.Option.Name));
        Assert.Equal("faithcoind has no wallet", options.UnsupportedOptions.Single(o => o.Option.Name == "paytxfee").Reason);
        Assert.Equal(["maxuploadtarget"], options.IgnoredOptions.Select(o => o.Name));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("x:1")]
    [InlineData("(c)")]
    public void UacommentWithCharactersOutsideTheUaCommentSetIsRefused(string comment)
    {
        var e = Assert.Throws<ConfigurationException>(() => Load($"-uacomment={comment}"));
        Assert.Equal($"User Agent comment ({comment}) contains unsafe characters.", e.Message);
    }

    [Fact]
    public void UacommentIsAppendedToTheUserAgent()
    {
        var agent = Load("-uacomment=a b", "-uacomment=c@d").Network.P2P.FormatUserAgent();
        Assert.EndsWith("(a b; c@d)/", agent, StringComparison.Ordinal);
    }
}
