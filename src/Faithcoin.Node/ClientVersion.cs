namespace Faithcoin.Node;

/// <summary>The version the original client reports; faithcoind speaks for the same network release.</summary>
public static class ClientVersion
{
    public const string PackageName = "Faithcoin Core";

    /// <summary>The original's FormatFullVersion (CLIENT_BUILD) for 0.15.0.1.</summary>
    public const string FullVersion = "v0.15.0.1";

    public const string ClientName = "faithcoinCore";

    public static string DaemonBanner => $"{PackageName} Daemon version {FullVersion}";
}
