using System.Globalization;
using Faithcoin.Node.Hosting;
using Faithcoin.Node.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace Faithcoin.Node.Tests.Logging;

public sealed class CoreLogFormatterTests
{
    private static readonly DateTimeOffset At = new(2017, 12, 20, 12, 0, 1, 234, TimeSpan.Zero);

    private static string Format(LogOutputSettings settings, NodeClock? clock = null, LogEventLevel level = LogEventLevel.Information)
    {
        var logEvent = new LogEvent(At.AddTicks(5670), level, null, new MessageTemplateParser().Parse("Hello {Who}"),
            [new LogEventProperty("Who", new ScalarValue("world"))]);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        new CoreLogFormatter(settings, clock).Format(logEvent, output);
        return output.ToString();
    }

    [Fact]
    public void TimestampsAreUtcSecondsByDefault() =>
        Assert.Equal("2017-12-20 12:00:01 Hello world\n", Format(new LogOutputSettings()));

    [Fact]
    public void LogtimemicrosAddsSixDigits() =>
        Assert.Equal("2017-12-20 12:00:01.234567 Hello world\n", Format(new LogOutputSettings { TimeMicros = true }));

    [Fact]
    public void NologtimestampsWritesTheMessageOnly() =>
        Assert.Equal("Hello world\n", Format(new LogOutputSettings { Timestamps = false }));

    [Fact]
    public void AMockedClockIsShownAfterTheRealTime() =>
        Assert.Equal("2017-12-20 12:00:01 (mocktime: 2023-11-14 22:13:20) Hello world\n", Format(new LogOutputSettings(), new NodeClock(1_700_000_000)));

    [Fact]
    public void LibraryWarningsGetThe015Prefix() =>
        Assert.Equal("2017-12-20 12:00:01 WARNING: Hello world\n", Format(new LogOutputSettings(), level: LogEventLevel.Warning));
}
