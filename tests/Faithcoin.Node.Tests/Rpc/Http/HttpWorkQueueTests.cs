using System.Net;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Rpc.Http;

/// <summary>-rpcthreads and -rpcworkqueue in the real faithcoind: a full queue answers 500 "Work queue depth exceeded".</summary>
[Collection(DaemonCollection.Name)]
public sealed class HttpWorkQueueTests(WorkQueueDaemon node) : IClassFixture<WorkQueueDaemon>
{
    [Fact]
    public async Task ARequestBeyondTheWorkersAndTheQueueIsRefusedUntilTheyDrain()
    {
        // waitfornewblock holds the only worker for its timeout (no block comes); the second call waits in the queue.
        var running = node.PostAsync("""{"method":"waitfornewblock","params":[2500],"id":1}""");
        await Task.Delay(500);
        var queued = node.PostAsync("""{"method":"waitfornewblock","params":[500],"id":2}""");
        await Task.Delay(300);

        using (var refused = await node.PostAsync("""{"method":"getblockcount","id":3}"""))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
            Assert.Equal("Work queue depth exceeded", await refused.Content.ReadAsStringAsync());
        }

        using (var first = await running)
        using (var second = await queued)
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        using var after = await node.PostAsync("""{"method":"getblockcount","id":4}""");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task RestIsOffWithoutTheOption()
    {
        using var response = await node.Http.GetAsync(new Uri(node.BaseUri, "/rest/chaininfo.json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }
}
