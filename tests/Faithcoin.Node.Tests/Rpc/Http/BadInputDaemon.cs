namespace Faithcoin.Node.Tests.Rpc.Http;

/// <summary>A daemon with a short -rpcservertimeout (slow and idle clients) and room in the work queue for many clients.</summary>
public sealed class BadInputDaemon : HttpDaemon
{
    public static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(2);

    protected override IEnumerable<string> ExtraArgs => [$"-rpcservertimeout={ServerTimeout.TotalSeconds}", "-rpcworkqueue=256"];
}
