namespace Faithcoin.Node.Tests.Rpc.Http;

/// <summary>A daemon with one worker and room for one waiting request, and REST left at its default (off).</summary>
public sealed class WorkQueueDaemon : HttpDaemon
{
    protected override IEnumerable<string> ExtraArgs => ["-rpcthreads=1", "-rpcworkqueue=1"];
}
