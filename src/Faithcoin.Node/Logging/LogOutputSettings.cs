namespace Faithcoin.Node.Logging;

/// <summary>How lines are written: -logtimestamps (default 1), -logtimemicros (default 0), -logips (default 0).</summary>
public sealed record LogOutputSettings
{
    public bool Timestamps { get; init; } = true;

    public bool TimeMicros { get; init; }

    /// <summary>-logips: peers' addresses appear in net messages only when set, as in 0.15.</summary>
    public bool LogIps { get; init; }
}
