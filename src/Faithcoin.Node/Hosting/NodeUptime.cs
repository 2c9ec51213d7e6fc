namespace Faithcoin.Node.Hosting;

/// <summary>When the node started, for the `uptime` RPC (GetStartupTime).</summary>
public sealed class NodeUptime(TimeProvider time)
{
    private readonly DateTimeOffset startedAt = time.GetUtcNow();

    public long Seconds => (long)(time.GetUtcNow() - startedAt).TotalSeconds;
}
