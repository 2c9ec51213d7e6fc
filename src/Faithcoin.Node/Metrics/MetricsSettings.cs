using System.Net;

namespace Faithcoin.Node.Metrics;

/// <summary>
/// -metricsport, -metricsbind and -readyzallowibd. The endpoint is off unless a port is given, and loopback unless an
/// address is given, so turning it on never exposes node internals beyond the host by accident.
/// </summary>
public sealed record MetricsSettings
{
    public const string DefaultBind = "127.0.0.1";

    /// <summary>The port of the metrics and health listener; null when -metricsport is not set.</summary>
    public int? Port { get; init; }

    public IPAddress Bind { get; init; } = IPAddress.Loopback;

    /// <summary>-readyzallowibd: report ready during initial block download too (a node serving RPC while it syncs).</summary>
    public bool ReadyDuringInitialDownload { get; init; }

    public bool Enabled => Port is not null;
}
