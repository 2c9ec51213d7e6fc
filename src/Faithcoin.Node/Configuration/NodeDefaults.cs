namespace Faithcoin.Node.Configuration;

/// <summary>File names and defaults of the original daemon that faithcoind keeps.</summary>
public static class NodeDefaults
{
    public const string ConfigFileName = "faithcoin.conf";
    public const string PidFileName = "faithcoin.pid";
    public const string CookieFileName = ".cookie";
    public const string DebugLogFileName = "debug.log";
    public const string LockFileName = ".lock";
    public const string DataDirectoryName = ".faithcoin";
    public const int RpcServerTimeoutSeconds = 30;
}
